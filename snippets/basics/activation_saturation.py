"""饱和：sigmoid 的导数最大只有 1/4，tanh 最大为 1，|x| 大时两者都趋于 0；ReLU 正半轴不饱和。
10 层 sigmoid 网络里，激活函数给梯度乘上的因子不超过 (1/4)^10，且这个上界取得到。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def derivative(f, x: torch.Tensor) -> torch.Tensor:
    x = x.clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    return grad


x = torch.arange(-1000, 1001, dtype=torch.float64) / 100  # -10 到 10，步长 0.01，含 0
d_sigmoid = derivative(torch.sigmoid, x)
d_tanh = derivative(torch.tanh, x)
d_relu = derivative(F.relu, x)

# 导数的最大值和取到最大值的位置
print(f"{d_sigmoid.max().item():.4f} {x[d_sigmoid.argmax()].item():.1f}")
# > 0.2500 0.0
print(f"{d_tanh.max().item():.4f} {x[d_tanh.argmax()].item():.1f}")
# > 1.0000 0.0

# |x| = 10 处：sigmoid、tanh 的导数几乎为 0（饱和），ReLU 在 x = 10 处仍是 1
ten = torch.tensor([10.0], dtype=torch.float64)
d_sigmoid_10 = derivative(torch.sigmoid, ten).item()
d_tanh_10 = derivative(torch.tanh, ten).item()
print(f"{d_sigmoid_10:.2e} {d_tanh_10:.2e}")
# > 4.54e-05 8.24e-09

# 10 层“标量线性 + sigmoid”的网络 h_k = σ(w_k h_{k−1} + b_k)：链式法则给出
# dh_10/dx = Π w_k σ'(z_k)，其中激活函数贡献的因子 Π σ'(z_k) 每一项都 ≤ 1/4
L = 10


def chain(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """返回网络输出，以及按链式法则手算的 Π σ'(z_k)（σ' = σ(1 − σ)）。"""
    h, act_factor = x, torch.ones_like(x)
    for k in range(L):
        h = torch.sigmoid(w[k] * h + b[k])
        act_factor = act_factor * h * (1 - h)
    return h, act_factor


# 1000 个随机网络（权重、偏置、输入都随机）一次算完
w = torch.randn(L, 1000, dtype=torch.float64) * 3
b = torch.randn(L, 1000, dtype=torch.float64) * 3
x_in = torch.randn(1000, dtype=torch.float64, requires_grad=True)
out, act_factor = chain(x_in, w, b)
(grad_chain,) = torch.autograd.grad(out.sum(), x_in)  # 每个网络的 dh_10/dx

# 让每层的预激活恰好都是 0（w = 1，b_1 = 0，其余 b_k = −σ(0) = −1/2）：每个 σ' 都取到最大值 1/4
x_tight = torch.zeros(1, dtype=torch.float64, requires_grad=True)
w_tight = torch.ones(L, 1, dtype=torch.float64)
b_tight = torch.full((L, 1), -0.5, dtype=torch.float64)
b_tight[0] = 0.0
out_tight, _ = chain(x_tight, w_tight, b_tight)
(grad_tight,) = torch.autograd.grad(out_tight.sum(), x_tight)
print(f"{act_factor.max().item():.1e} {grad_tight.item():.3e}")
# > 4.7e-08 9.537e-07

# 检查：最大导数 σ'(0) = 1/4、tanh'(0) = 1，且都在 x = 0 取到
torch.testing.assert_close(d_sigmoid.max().item(), 0.25)
torch.testing.assert_close(d_tanh.max().item(), 1.0)
assert x[d_sigmoid.argmax()] == 0 and x[d_tanh.argmax()] == 0
# 检查：导数关于 0 对称，|x| 越大越小
assert torch.all(d_sigmoid[1000:].diff() < 0) and torch.all(d_tanh[1000:].diff() < 0)
torch.testing.assert_close(d_sigmoid, d_sigmoid.flip(0))
torch.testing.assert_close(d_tanh, d_tanh.flip(0))
# 检查：|x| 大时按指数衰减：σ'(x) ≈ e^{-|x|}，tanh'(x) ≈ 4 e^{-2|x|}
assert math.isclose(d_sigmoid_10, math.exp(-10), rel_tol=1e-3)
assert math.isclose(d_tanh_10, 4 * math.exp(-20), rel_tol=1e-3)
# 检查：ReLU 在正半轴导数恒为 1，不随 x 变大而变小
assert torch.all(d_relu[x > 0] == 1)
# 检查：autograd 的梯度 = 链式法则的闭式解 Π w_k σ'(z_k)
torch.testing.assert_close(grad_chain, w.prod(dim=0) * act_factor)
# 检查：1000 个随机网络里，激活函数贡献的因子都不超过 (1/4)^10；预激活全为 0 时恰好取到 (1/4)^10
assert (act_factor <= 0.25**L).all()
assert grad_tight.item() == 0.25**L
