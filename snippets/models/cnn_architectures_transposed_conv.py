"""转置卷积：输出尺寸公式、它为什么叫“转置”，以及步幅不整除核大小时的棋盘格。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


def convT_out(n: int, k: int, s: int, p: int, d: int, op: int) -> int:
    """转置卷积的输出边长：(n-1)s - 2p + d(k-1) + output_padding + 1。"""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


def conv_out(n: int, k: int, s: int, p: int, d: int) -> int:
    """普通卷积的输出边长（见卷积神经网络一页）。"""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


# ---- 检查 1：公式与 nn.ConvTranspose2d 在一组网格上逐一核对 ----
n_cases, n_same_stride, n_inverse = 0, 0, 0
for n, k, s, p, d in itertools.product([1, 2, 5, 8], [1, 2, 3, 4, 5], [1, 2, 3], [0, 1, 2], [1, 2]):
    for op in range(max(s, d)):  # PyTorch 要求 output_padding 小于步幅或空洞率
        if convT_out(n, k, s, p, d, op) < 1:
            continue
        layer = nn.ConvTranspose2d(1, 1, k, stride=s, padding=p, dilation=d, output_padding=op)
        out = layer(torch.zeros(1, 1, n, n)).shape[-1]
        assert out == convT_out(n, k, s, p, d, op)
        n_cases += 1
        # output_padding < 步幅时，同样参数的普通卷积把尺寸变回 n：
        # 步幅 s 的卷积把 s 个相邻的输入尺寸映射到同一个输出尺寸，output_padding 就是从中选一个
        if op < s:
            n_same_stride += 1
            n_inverse += conv_out(out, k, s, p, d) == n
print(
    "核对的设置数:",
    n_cases,
    "；output_padding < 步幅的",
    n_same_stride,
    "组里变回 n 的:",
    n_inverse,
)
# > 核对的设置数: 718 ；output_padding < 步幅的 662 组里变回 n 的: 662

# ---- 检查 2：为什么叫“转置”：把卷积写成矩阵 C，转置卷积就是乘 Cᵀ ----
w = torch.randn(2, 3, 3, 3, dtype=torch.float64)  # Conv2d：3 → 2 通道
x_shape = (1, 3, 6, 6)
C = torch.autograd.functional.jacobian(
    lambda x: F.conv2d(x, w, stride=2).flatten(), torch.zeros(x_shape, dtype=torch.float64)
)
C = C.reshape(-1, 3 * 6 * 6)  # (输出元素数, 输入元素数) = (2·2·2, 108)
y = torch.randn(1, 2, 2, 2, dtype=torch.float64)
convT = F.conv_transpose2d(y, w, stride=2, output_padding=1)  # 同一个权重张量，2 → 3 通道
torch.testing.assert_close(convT.flatten(), C.T @ y.flatten())
print("卷积矩阵", tuple(C.shape), "；转置卷积的输出", tuple(convT.shape[1:]))
# > 卷积矩阵 (8, 108) ；转置卷积的输出 (3, 6, 6)

# 转置不是逆：C 只有 8 行，CᵀC（108×108）的秩只有 8，不可能是单位矩阵，
# 所以“先卷积再转置卷积”回不到原输入，只是形状回去了
x = torch.randn(x_shape, dtype=torch.float64)
x_back = F.conv_transpose2d(F.conv2d(x, w, stride=2), w, stride=2, output_padding=1)
assert torch.linalg.matrix_rank(C.T @ C) == 8 and x_back.shape == x.shape
assert (x_back - x).norm() > x.norm()  # 差比 x 本身还大
# 即使不下采样（步幅 1、补零 1、3 → 3 通道，C 是 108×108 的可逆方阵），Cᵀ 也不是 C⁻¹
w_sq = torch.randn(3, 3, 3, 3, dtype=torch.float64)
C_sq = torch.autograd.functional.jacobian(
    lambda x: F.conv2d(x, w_sq, padding=1).flatten(), torch.zeros(x_shape, dtype=torch.float64)
).reshape(108, 108)
assert torch.linalg.matrix_rank(C_sq) == 108
assert (C_sq.T @ C_sq - torch.eye(108, dtype=torch.float64)).abs().max() > 1
x_sq = F.conv_transpose2d(F.conv2d(x, w_sq, padding=1), w_sq, padding=1)
assert (x_sq - x).norm() > x.norm()  # 卷积再转置卷积，回不到 x
torch.testing.assert_close(torch.linalg.solve(C_sq, C_sq @ x.flatten()), x.flatten())  # 乘 C⁻¹ 才能


# ---- 检查 3：棋盘格。全 1 输入、全 1 卷积核，数出每个输出位置被几个窗口覆盖 ----
def coverage(k: int, s: int) -> torch.Tensor:
    layer = nn.ConvTranspose2d(1, 1, k, stride=s, bias=False)
    nn.init.ones_(layer.weight)
    with torch.no_grad():
        return layer(torch.ones(1, 1, 6, 6))[0, 0]


odd = coverage(3, 2)  # 3 不是 2 的倍数：重叠不均匀
even = coverage(4, 2)  # 4 是 2 的倍数：内部重叠均匀
print("k=3, s=2 的中间一块:", odd[4:8, 4:8].int().tolist())
# > k=3, s=2 的中间一块: [[4, 2, 4, 2], [2, 1, 2, 1], [4, 2, 4, 2], [2, 1, 2, 1]]
print("k=4, s=2 的中间一块:", even[4:8, 4:8].int().tolist())
# > k=4, s=2 的中间一块: [[4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4]]

# 先最近邻放大 2 倍、再做 3×3 卷积（resize-conv）：内部同样均匀
up = F.interpolate(torch.ones(1, 1, 6, 6), scale_factor=2, mode="nearest")
resize_conv = F.conv2d(up, torch.ones(1, 1, 3, 3))[0, 0]

assert n_inverse == n_same_stride
assert set(odd[2:-2, 2:-2].unique().tolist()) == {1.0, 2.0, 4.0}  # 内部仍是 1、2、4 交替
assert (even[2:-2, 2:-2] == 4).all()  # 边界以内处处是 (k/s)² = 4
assert (resize_conv == 9).all()
