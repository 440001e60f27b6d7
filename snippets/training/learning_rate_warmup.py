"""线性预热（warm-up）与“预热 + 余弦退火”：手写公式与 LinearLR、SequentialLR、LambdaLR 逐步一致。"""

import math
from itertools import pairwise

import torch
from torch.optim import lr_scheduler

lr_max, lr_min = 0.8, 0.0  # 预热的目标学习率（例如大批量下按线性缩放放大后的值）
W, T = 5, 20  # 预热 W 步，总共 T 步
s0 = 1 / 8  # 预热起点 = lr_max / 8（Goyal 等：从小批量的学习率 η 线性升到 kη，这里 k = 8）


def warmup_cosine(t: int) -> float:
    """前 W 步从 s0·η_max 线性升到 η_max，之后用余弦从 η_max 降到 η_min。"""
    if t < W:
        return lr_max * (s0 + (1 - s0) * t / W)
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * (t - W) / (T - W)))


def record(make_sched) -> list[float]:
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr_max)
    sched = make_sched(opt)
    lrs = []
    for _ in range(T + 1):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


hand = [warmup_cosine(t) for t in range(T + 1)]
# 写法 1：LinearLR 负责预热，CosineAnnealingLR 负责之后，SequentialLR 在第 W 步切换
seq = record(
    lambda o: lr_scheduler.SequentialLR(
        o,
        [
            lr_scheduler.LinearLR(o, start_factor=s0, end_factor=1.0, total_iters=W),
            lr_scheduler.CosineAnnealingLR(o, T_max=T - W, eta_min=lr_min),
        ],
        milestones=[W],
    )
)
# 写法 2：LambdaLR，函数返回“当前学习率 / 初始学习率”
lam = record(lambda o: lr_scheduler.LambdaLR(o, lambda t: warmup_cosine(t) / lr_max))
# 只预热、不衰减：LinearLR 在 total_iters 步之后保持 end_factor
lin = record(lambda o: lr_scheduler.LinearLR(o, start_factor=s0, total_iters=W))

print(" ".join(f"{v:.3f}" for v in seq[:8]), "...", f"{seq[-1]:.3f}")
# > 0.100 0.240 0.380 0.520 0.660 0.800 0.791 0.765 ... 0.000

# 检查 1：两种 PyTorch 写法都与手写公式逐步一致
torch.testing.assert_close(seq, hand, rtol=1e-9, atol=1e-12)
torch.testing.assert_close(lam, hand, rtol=1e-9, atol=1e-12)
# 检查 2：LinearLR 单独使用时 η_t = η_max·(s0 + (1 - s0)·min(t, W)/W)
torch.testing.assert_close(lin, [lr_max * (s0 + (1 - s0) * min(t, W) / W) for t in range(T + 1)])
# 检查 3：预热阶段学习率单调上升，之后单调下降，最高点正好在第 W 步
assert all(a < b for a, b in pairwise(hand[: W + 1]))
assert all(a > b for a, b in pairwise(hand[W:]))
assert max(hand) == hand[W] == lr_max
