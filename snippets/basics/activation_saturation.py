"""饱和：sigmoid 的导数最大只有 1/4，tanh 最大为 1，|x| 大时两者都趋于 0；
ReLU 正半轴不饱和。"""

import math

import torch
import torch.nn.functional as F


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

# 10 个 sigmoid 串起来：链式法则把 10 个 ≤ 1/4 的导数连乘
x0 = torch.tensor([0.0], dtype=torch.float64, requires_grad=True)
h = x0
for _ in range(10):
    h = torch.sigmoid(h)
(grad_chain,) = torch.autograd.grad(h.sum(), x0)
print(f"{grad_chain.item():.2e} {0.25**10:.2e}")
# > 3.88e-07 9.54e-07

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
# 检查：连乘后的梯度不超过 (1/4)^10
assert grad_chain.item() <= 0.25**10
