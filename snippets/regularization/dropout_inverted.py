"""反向 Dropout（Inverted Dropout）：训练时保留的元素乘 1/(1-p)，期望不变；推理时是恒等映射。
手写版与 F.dropout / nn.Dropout 逐元素一致。PyTorch 的 p 是丢弃概率。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
p = 0.3  # 丢弃概率（drop probability），保留概率是 1 - p = 0.7
x = torch.randn(10_000)


def inverted_dropout(x: torch.Tensor, p: float) -> torch.Tensor:
    """每个元素独立地以概率 1-p 保留（掩码 m=1）、以概率 p 置零；保留的除以 1-p。"""
    m = torch.empty_like(x).bernoulli_(1 - p)
    return x * (m / (1 - p))


torch.manual_seed(1)
y_manual = inverted_dropout(x, p)
torch.manual_seed(1)  # 同一个种子 → 同一个掩码
y_torch = F.dropout(x, p, training=True)
drop = nn.Dropout(p)  # 新建的模块默认处于训练模式
torch.manual_seed(1)
y_module = drop(x)

zero_frac = (y_torch == 0).float().mean().item()
print(f"置零比例 {zero_frac:.4f}（p = {p}）")
# > 置零比例 0.2987（p = 0.3）

# 期望：E[m·x/(1-p)] = (1-p)·x/(1-p) + p·0 = x。对同一个 x 抽 20000 个掩码取平均
x_small = torch.tensor([1.0, -2.0, 0.5])
samples = F.dropout(x_small.expand(20_000, 3), p, training=True)
mc_mean = samples.mean(dim=0)
exact_mean = (1 - p) * (x_small / (1 - p)) + p * 0.0  # 只有两种取值：x/(1-p) 或 0
print([round(v, 2) for v in mc_mean.tolist()])
# > [1.0, -1.99, 0.5]

# 梯度：y = m·x/(1-p) 对 x 的导数是 m/(1-p)，被丢弃的元素拿不到梯度
x_req = x_small.clone().requires_grad_()
torch.manual_seed(2)
y = F.dropout(x_req, p, training=True)
y.sum().backward()
kept = y.detach() != 0

# 检查 1：手写版与 F.dropout、nn.Dropout 完全一致
torch.testing.assert_close(y_manual, y_torch)
torch.testing.assert_close(y_module, y_torch)
# 检查 2：每个输出要么是 0，要么是 x/(1-p)；置零比例在 p 附近
kept_all = y_torch != 0
torch.testing.assert_close(y_torch[kept_all], x[kept_all] / (1 - p))
assert abs(zero_frac - p) < 0.015
# 检查 3：期望等于 x（精确公式与蒙特卡洛平均）
torch.testing.assert_close(exact_mean, x_small)
torch.testing.assert_close(mc_mean, x_small, atol=0.03, rtol=0)
# 检查 4：梯度 = m/(1-p)：保留的元素是 1/(1-p)，丢弃的元素是 0
torch.testing.assert_close(x_req.grad, kept.float() / (1 - p))
# 检查 5：eval 模式（或 training=False）是恒等映射，不缩放
drop.eval()
assert torch.equal(drop(x), x)
assert torch.equal(F.dropout(x, p, training=False), x)
