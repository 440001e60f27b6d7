"""原论文的学习率：lr = d^{-0.5}·min(s^{-0.5}, s·w^{-1.5})，先线性预热 w 步，再按 1/√s 衰减。"""

import torch
from torch.optim.lr_scheduler import LambdaLR

torch.manual_seed(0)


def noam(s: int, d: int = 512, w: int = 4000) -> float:
    """第 s 步（从 1 数起）的学习率。"""
    return d**-0.5 * min(s**-0.5, s * w**-1.5)


d, w, T = 512, 10, 60  # 为了跑得快，这里只预热 10 步
param = torch.nn.Parameter(torch.randn(4))
opt = torch.optim.Adam([param], lr=1.0, betas=(0.9, 0.98), eps=1e-9)  # 论文的 Adam 超参数
sched = LambdaLR(opt, lambda step: noam(step + 1, d, w))  # LambdaLR 从 step=0 开始数
lrs = []
for _ in range(T):
    lrs.append(opt.param_groups[0]["lr"])
    opt.zero_grad()
    param.pow(2).sum().backward()
    opt.step()
    sched.step()

print(f"{noam(4000):.2e} {noam(100_000):.2e}")  # 原论文：预热 4000 步，base 模型训练 10 万步
# > 6.99e-04 1.40e-04

# 检查 1：LambdaLR 给出的学习率与公式逐步一致
torch.testing.assert_close(lrs, [noam(s, d, w) for s in range(1, T + 1)])
# 检查 2：最高点在第 w 步，等于 (d·w)^{-1/2}
assert max(lrs) == lrs[w - 1]
assert abs(max(lrs) - (d * w) ** -0.5) < 1e-12
# 检查 3：预热阶段与步数成正比；预热之后步数变 4 倍，学习率减半（都读 LambdaLR 实际给出的值）
assert all(abs(lrs[s - 1] - s * lrs[0]) < 1e-12 for s in range(1, w + 1))
assert all(abs(lrs[4 * s - 1] - lrs[s - 1] / 2) < 1e-12 for s in range(w, T // 4 + 1))
