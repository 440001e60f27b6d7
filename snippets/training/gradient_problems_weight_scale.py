"""权重的尺度：30 层线性网络，每层权重是 a 乘一个正交矩阵。
反向传播每经过一层，梯度范数恰好乘 a：a < 1 消失，a > 1 爆炸。"""

import torch
from torch import nn

torch.manual_seed(0)

L, n = 30, 16
x = torch.randn(1, n, dtype=torch.float64, requires_grad=True)

ratios = {}
for a in (0.8, 1.0, 1.2):
    net = nn.Sequential(*[nn.Linear(n, n, bias=False).double() for _ in range(L)])
    for layer in net:
        nn.init.orthogonal_(layer.weight, gain=a)  # W = a · Q，Q 正交：‖W v‖ = a ‖v‖
    y = net(x)
    (grad_x,) = torch.autograd.grad(y.sum(), x)
    ones = torch.ones_like(y)  # ∂L/∂y：L = sum(y) 时是全 1 向量
    ratios[a] = grad_x.norm().item() / ones.norm().item()
    print(f"a = {a}: ‖∂L/∂x‖ / ‖∂L/∂y‖ = {ratios[a]:.3e}，a^L = {a**L:.3e}")
# > a = 0.8: ‖∂L/∂x‖ / ‖∂L/∂y‖ = 1.238e-03，a^L = 1.238e-03
# > a = 1.0: ‖∂L/∂x‖ / ‖∂L/∂y‖ = 1.000e+00，a^L = 1.000e+00
# > a = 1.2: ‖∂L/∂x‖ / ‖∂L/∂y‖ = 2.374e+02，a^L = 2.374e+02

# “每个权重都小于 1”不等于不会放大：决定放大倍数的是奇异值（谱范数）
W_small_entries = torch.full((n, n), 0.5, dtype=torch.float64)
spectral = torch.linalg.matrix_norm(W_small_entries, 2).item()
print(f"所有元素都是 0.5 的 {n}×{n} 矩阵，谱范数 {spectral:.1f}")
# > 所有元素都是 0.5 的 16×16 矩阵，谱范数 8.0

# 检查：梯度范数之比恰好是 a^L
for a, ratio in ratios.items():
    torch.testing.assert_close(ratio, a**L)
# 检查：0.8^30 ≈ 1.2e-3（消失），1.2^30 ≈ 237（爆炸）
assert ratios[0.8] < 2e-3 and ratios[1.2] > 200
# 检查：元素全小于 1 的矩阵，谱范数可以远大于 1（这里是 0.5 × 16 = 8）
torch.testing.assert_close(spectral, 8.0)
