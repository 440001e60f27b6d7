"""反向传播为什么高效：一次反向就得到全部参数的梯度。用 PyTorch 自带的 FlopCounterMode
数 autograd 实际执行的矩阵乘法：反向约为前向的 2 倍；逐个参数做数值差分却要 2P 次前向。"""

import itertools

import torch
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
sizes = [20, 64, 64, 10]  # 三层全连接网络：20 → 64 → 64 → 10
Ws = [
    (torch.randn(m, n, dtype=torch.float64) / m**0.5).requires_grad_()
    for m, n in itertools.pairwise(sizes)
]
N = 32
X, y = torch.randn(N, 20, dtype=torch.float64), torch.randint(0, 10, (N,))
P = sum(W.numel() for W in Ws)  # 参数个数（为简洁省略偏置）


def loss_fn(X: torch.Tensor) -> torch.Tensor:
    A = X
    for W in Ws[:-1]:
        A = F.relu(A @ W)
    return F.cross_entropy(A @ Ws[-1], y)


def count_flops(X: torch.Tensor) -> tuple[int, int]:
    """分别数前向和一次 backward() 的浮点运算次数（FlopCounterMode 只统计矩阵乘法等大算子）。"""
    with FlopCounterMode(display=False) as forward_counter:
        loss = loss_fn(X)
    with FlopCounterMode(display=False) as backward_counter:
        loss.backward()
    return forward_counter.get_total_flops(), backward_counter.get_total_flops()


forward, backward = count_flops(X)  # 输入不需要梯度：第一层不用算 dX
print(P, forward, backward)
# > 6016 385024 688128
print(f"前向 + 反向 = 前向的 {(forward + backward) / forward:.2f} 倍；数值差分 = 前向的 {2 * P} 倍")
# > 前向 + 反向 = 前向的 2.79 倍；数值差分 = 前向的 12032 倍

for W in Ws:
    W.grad = None
forward_x, backward_x = count_flops(X.clone().requires_grad_())  # 也要对输入求梯度

# 检查：前向的计数等于各层矩阵乘法 (N, m) @ (m, n) 的 2·N·m·n 之和
assert forward == sum(2 * N * m * n for m, n in itertools.pairwise(sizes))
# 检查：每个前向矩阵乘法在反向里变成两个同样大的乘法（dW = Aᵀ·dZ、dA = dZ·Wᵀ）；
# 输入不需要梯度时，autograd 省掉了第一层的 dX；需要时反向恰好是前向的 2 倍
first_layer = 2 * N * sizes[0] * sizes[1]
assert backward == 2 * forward - first_layer
assert backward_x == 2 * forward_x == 2 * forward
# 检查：前向 + 反向不到前向的 3 倍，远小于数值差分的 2P 倍
assert forward + backward < 3 * forward
assert 2 * P * forward > 1000 * (forward + backward)
