"""偏置通常不做权重衰减：目标的整体偏移（这里是 +10）要靠偏置表达，衰减偏置会把所有预测拉向 0，
造成系统性的低估；只衰减权重时，残差的均值恰好为 0，而且给 y 整体加常数只改变偏置。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d, lam = 40, 3, 0.5
X = torch.randn(n, d)
y = X @ torch.tensor([1.0, -1.0, 0.5]) + 10.0 + 0.1 * torch.randn(n)  # 目标的均值约为 10


def train(decay_bias: bool, y: torch.Tensor) -> nn.Linear:
    """全批量 SGD 最小化 ½·MSE + (λ/2)‖w‖²（decay_bias=True 时再加 (λ/2)b²）。"""
    torch.manual_seed(1)
    model = nn.Linear(d, 1)
    groups = [
        {"params": [model.weight], "weight_decay": lam},
        {"params": [model.bias], "weight_decay": lam if decay_bias else 0.0},  # 参数组分开设置
    ]
    opt = torch.optim.SGD(groups, lr=0.5)
    for _ in range(100):
        opt.zero_grad()
        (0.5 * F.mse_loss(model(X).squeeze(1), y)).backward()
        opt.step()
    return model


def closed_form(decay_bias: bool, y: torch.Tensor) -> torch.Tensor:
    """把偏置当成一列全 1 的特征，解 (ZᵀZ/n + λP)θ = Zᵀy/n，P 决定哪些参数受惩罚。"""
    Z = torch.cat([X, torch.ones(n, 1)], dim=1)
    P = torch.diag(torch.tensor([1.0] * d + [1.0 if decay_bias else 0.0]))
    return torch.linalg.solve(Z.T @ Z / n + lam * P, Z.T @ y / n)


models = {decay_bias: train(decay_bias, y) for decay_bias in [True, False]}
for decay_bias, m in models.items():
    residual = round((y - m(X).squeeze(1)).mean().item(), 3) + 0.0  # + 0.0 去掉 -0.0
    print(f"衰减偏置={decay_bias}：b = {m.bias.item():.3f}，残差均值 = {residual:.3f}")
# > 衰减偏置=True：b = 6.651，残差均值 = 3.326
# > 衰减偏置=False：b = 10.078，残差均值 = 0.000

# 实际做法：按参数的维数分组。矩阵和卷积核（ndim ≥ 2）衰减，
# 偏置和归一化层的缩放、平移参数（ndim = 1）不衰减
net = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.ReLU(), nn.Linear(8, 2))
decay = [p for p in net.parameters() if p.ndim >= 2]
no_decay = [p for p in net.parameters() if p.ndim < 2]
opt = torch.optim.AdamW(
    [{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}], lr=0.01
)
before = [p.detach().clone() for p in net.parameters()]
for p in net.parameters():
    p.grad = torch.zeros_like(p)  # 梯度为 0，只看衰减本身
opt.step()

# 检查 1：SGD 的两种参数组设置分别收敛到对应的闭式解
for decay_bias, m in models.items():
    theta = torch.cat([m.weight.detach().flatten(), m.bias.detach()])
    torch.testing.assert_close(theta, closed_form(decay_bias, y))
# 检查 2：不衰减偏置时，最优点上 ∂J/∂b = -mean(残差) = 0，残差均值恰为 0；衰减偏置时明显不为 0
theta_free, theta_decay = closed_form(False, y), closed_form(True, y)
Z = torch.cat([X, torch.ones(n, 1)], dim=1)
assert abs((y - Z @ theta_free).mean()) < 1e-12
assert (y - Z @ theta_decay).mean() > 3
# 检查 3：y 整体加 5，不衰减偏置时权重不变、偏置恰好加 5；衰减偏置时权重也跟着变
shift_free, shift_decay = (
    closed_form(False, y + 5) - theta_free,
    closed_form(True, y + 5) - theta_decay,
)
torch.testing.assert_close(shift_free, torch.tensor([0.0, 0.0, 0.0, 5.0]))
assert shift_decay[:d].abs().max() > 1e-3
# 检查 4：分组后两个 Linear 的权重各乘以 (1 - lr·λ)，两个偏置和 LayerNorm 的两个参数纹丝不动
assert (len(decay), len(no_decay)) == (2, 4)
for p, p0 in zip(net.parameters(), before, strict=True):
    torch.testing.assert_close(p.detach(), (1 - 0.01 * 0.1) * p0 if p.ndim >= 2 else p0)
