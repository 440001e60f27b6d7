"""手推的导数与 torch.autograd 逐点对比；再看不可导点 x = 0 处 PyTorch 取的是哪个值。"""

import math

import torch
import torch.nn.functional as F

# 网格避开 0：ReLU 一族在 0 点不可导，单独检查
x = torch.linspace(-6, 6, 120, dtype=torch.float64)
assert not (x == 0).any()

alpha_leaky, alpha_elu = 0.01, 1.0
c = math.sqrt(2 / math.pi)


def Phi(x: torch.Tensor) -> torch.Tensor:
    """标准正态分布的累积分布函数。"""
    return 0.5 * (1 + torch.erf(x / math.sqrt(2)))


def phi(x: torch.Tensor) -> torch.Tensor:
    """标准正态分布的概率密度函数。"""
    return torch.exp(-(x**2) / 2) / math.sqrt(2 * math.pi)


def gelu_tanh_grad(x: torch.Tensor) -> torch.Tensor:
    t = torch.tanh(c * (x + 0.044715 * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * c * (1 + 3 * 0.044715 * x**2)


s = torch.sigmoid(x)
# 名字 -> (激活函数, 手推的导数)
cases = {
    "sigmoid": (torch.sigmoid, s * (1 - s)),
    "tanh": (torch.tanh, 1 - torch.tanh(x) ** 2),
    "relu": (F.relu, (x > 0).double()),
    "leaky_relu": (
        F.leaky_relu,
        torch.where(x > 0, torch.ones_like(x), torch.full_like(x, alpha_leaky)),
    ),
    "elu": (F.elu, torch.where(x > 0, torch.ones_like(x), alpha_elu * torch.exp(x))),
    "softplus": (F.softplus, torch.sigmoid(x)),
    "gelu": (F.gelu, Phi(x) + x * phi(x)),
    "gelu_tanh": (lambda t: F.gelu(t, approximate="tanh"), gelu_tanh_grad(x)),
}


def autograd_derivative(f, x: torch.Tensor) -> torch.Tensor:
    """逐元素函数：对 sum(f(x)) 求梯度，第 i 个分量就是 f'(x_i)。"""
    x = x.clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    return grad


# 不可导点 x = 0：PyTorch 约定取的值（次梯度中的一个）
zero = torch.zeros(1, dtype=torch.float64)
print(
    autograd_derivative(F.relu, zero).item(),
    autograd_derivative(F.leaky_relu, zero).item(),
    autograd_derivative(lambda t: F.elu(t, alpha=2.0), zero).item(),
)
# > 0.0 0.01 2.0

# 检查：每个手推导数都与自动求导一致
for f, by_hand in cases.values():
    torch.testing.assert_close(autograd_derivative(f, x), by_hand)
# 检查：ELU 负半轴的导数可以用输出表示：f'(x) = f(x) + α（反向传播时省一次 exp）
neg = x[x < 0]
torch.testing.assert_close(autograd_derivative(F.elu, neg), F.elu(neg) + alpha_elu)
# 检查：x = 0 处 ReLU 取 0，LeakyReLU 取 α，ELU 取 α（都用负半轴那一支）
assert autograd_derivative(F.relu, zero).item() == 0.0
assert autograd_derivative(F.leaky_relu, zero).item() == alpha_leaky
assert autograd_derivative(lambda t: F.elu(t, alpha=2.0), zero).item() == 2.0
