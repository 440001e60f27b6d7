"""PyTorch 内置激活函数：函数式与模块式等价、默认参数，以及几个函数之间的恒等关系。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

x = torch.linspace(-6, 6, 121, dtype=torch.float64)

# 函数式（F.xxx）与模块式（nn.Xxx，可放进 nn.Sequential）算的是同一个东西
modules = [
    (nn.Sigmoid(), F.sigmoid),
    (nn.Tanh(), torch.tanh),
    (nn.ReLU(), F.relu),
    (nn.LeakyReLU(), F.leaky_relu),
    (nn.ELU(), F.elu),
    (nn.Softplus(), F.softplus),
    (nn.GELU(), F.gelu),
    (nn.GELU(approximate="tanh"), lambda t: F.gelu(t, approximate="tanh")),
]

# GELU 的 tanh 近似与精确形式的最大差距
gap = (F.gelu(x) - F.gelu(x, approximate="tanh")).abs().max().item()
print(f"{gap:.1e}")
# > 4.7e-04

# GELU 不单调：在 x ≈ -0.75 处取到最小值 ≈ -0.17
grid = torch.linspace(-3, 0, 30001, dtype=torch.float64)
i = F.gelu(grid).argmin()
print(f"{grid[i].item():.4f} {F.gelu(grid)[i].item():.4f}")
# > -0.7518 -0.1700

# 检查：模块式与函数式一致
for module, func in modules:
    torch.testing.assert_close(module(x), func(x))
# 检查：默认参数——LeakyReLU 负半轴斜率 0.01，ELU 的 α = 1，Softplus 的 β = 1
torch.testing.assert_close(F.leaky_relu(x), torch.where(x > 0, x, 0.01 * x))
torch.testing.assert_close(F.elu(x), torch.where(x > 0, x, torch.expm1(x)))
torch.testing.assert_close(F.softplus(x), torch.log1p(torch.exp(x)))
# 检查：β ≠ 1 时 Softplus 是 (1/β) ln(1 + e^{βx})
beta = 2.0
softplus_beta = torch.log1p(torch.exp(beta * x)) / beta
torch.testing.assert_close(F.softplus(x, beta=beta), softplus_beta)
# 检查：Softplus 在 β x > threshold 时直接返回 x。threshold = 5、x = 6：返回恰好 6，
# 而 ln(1 + e^6) = 6.0025；默认 threshold = 20：x = 21 返回恰好 21，
# x = 19 仍按公式算（float64 下两者能分辨）
six = torch.tensor(6.0, dtype=torch.float64)
assert F.softplus(six, beta=1, threshold=5).item() == 6.0
assert F.softplus(six).item() == torch.log1p(torch.exp(six)).item() > 6.002
around_20 = torch.tensor([19.0, 21.0], dtype=torch.float64)
assert F.softplus(around_20)[1].item() == 21.0 != torch.log1p(torch.exp(around_20))[1].item()
assert F.softplus(around_20)[0].item() == torch.log1p(torch.exp(around_20))[0].item() != 19.0
# 检查：tanh(x) = 2 σ(2x) - 1，tanh 是平移、拉伸过的 sigmoid
torch.testing.assert_close(torch.tanh(x), 2 * torch.sigmoid(2 * x) - 1)
# 检查：两类的 softmax 就是 sigmoid：softmax([z, 0]) 的第一个分量 = σ(z)
two = torch.stack([x, torch.zeros_like(x)], dim=-1)
torch.testing.assert_close(F.softmax(two, dim=-1)[:, 0], torch.sigmoid(x))
# 检查：Softplus 是平滑的 ReLU，两者之差 ln(1 + e^{-|x|}) 最大为 ln 2（在 x = 0）
diff = F.softplus(x) - F.relu(x)
torch.testing.assert_close(diff, torch.log1p(torch.exp(-x.abs())))
assert (diff <= math.log(2)).all()
assert math.isclose(F.softplus(torch.tensor(0.0)).item(), math.log(2), rel_tol=1e-6)
# 检查：GELU 的近似误差：在更密的网格（步长 1e-4）上最大差距也是 4.73e-4，上面的网格没有漏掉最大值；
# 最小值点处导数为 0
dense = torch.linspace(-8, 8, 160001, dtype=torch.float64)
dense_gap = (F.gelu(dense) - F.gelu(dense, approximate="tanh")).abs().max().item()
assert abs(dense_gap - gap) < 1e-8 and 4.7e-4 < gap < 4.75e-4
g = grid[i].clone().requires_grad_()
(dg,) = torch.autograd.grad(F.gelu(g), g)
assert abs(dg.item()) < 1e-3
