"""自注意力：任意两个位置一层直达（路径长度 O(1)），代价是 n×n 的注意力矩阵，计算量含 n² 项。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
n, d, h = 8, 16, 4
attn = nn.MultiheadAttention(d, h, batch_first=True)
X = torch.randn(n, d)


def self_attn(x: torch.Tensor) -> torch.Tensor:
    return attn(x[None], x[None], x[None])[0][0]


def conv_stack(x: torch.Tensor, L: int) -> torch.Tensor:
    """L 层 kernel_size=3 的一维卷积（same 填充），权重全为 1。"""
    z = x.T[None]  # (1, d, n)
    for _ in range(L):
        z = F.conv1d(z, torch.ones(d, d, 3) / (3 * d), padding=1)
    return z[0].T


def first_reaches_last(L: int) -> bool:
    """L 层卷积之后，最后一个位置的输出是否依赖第 0 个位置的输入。"""
    x = X.clone().requires_grad_()
    conv_stack(x, L)[n - 1].sum().backward()
    return bool(x.grad[0].abs().sum() > 0)


# 雅可比矩阵按位置汇总：[t, s] 非零表示输出位置 t 依赖输入位置 s
J = torch.autograd.functional.jacobian(self_attn, X, vectorize=True)  # (n, d, n, d)
reach = J.abs().sum(dim=(1, 3)) > 0


# 计算量：用 PyTorch 的 FlopCounterMode 数乘加（1 次乘加 = 2 FLOPs）
flops = {}
for m in (n, 2 * n, 4 * n):
    x = torch.randn(1, m, d)
    with FlopCounterMode(display=False) as counter:
        attn(x, x, x)  # 默认 need_weights=True，显式算出 (h, m, m) 的注意力矩阵
    flops[m] = counter.get_total_flops()
print(list(flops.values()))
# > [20480, 49152, 131072]

# 检查 1：一层自注意力，每个输出位置都依赖每个输入位置（最长路径 = 1 层）
assert reach.all()
# 检查 2：卷积核为 3 时，位置 0 和位置 n-1 之间要 n-1 层才连通（路径长度 O(n/k)）
assert not first_reaches_last(n - 2) and first_reaches_last(n - 1)
# 检查 3：FLOPs = 投影 4 次 2·m·d² + QKᵀ 与 AV 各 2·m²·d，即 8md² + 4m²d
for m, f in flops.items():
    assert f == 8 * m * d * d + 4 * m * m * d
# 检查 4：注意力权重是 m×m 的（每个头一张），显存也随 m² 增长
_, A = attn(X[None], X[None], X[None], average_attn_weights=False)
assert A.shape == (1, h, n, n)
