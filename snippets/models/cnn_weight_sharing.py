"""卷积层 = 局部连接 + 参数共享的全连接层；参数共享带来平移等变（步幅 1 时）。"""

import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian

torch.manual_seed(0)

W = torch.randn(1, 1, 3, 3)  # 一个 3×3 卷积核，共 9 个参数


def conv(x: torch.Tensor) -> torch.Tensor:
    """把 5×5 输入（拉平成 25 维）做 3×3 卷积，输出 3×3（拉平成 9 维）。"""
    return F.conv2d(x.view(1, 1, 5, 5), W).flatten()


# 卷积是线性映射，它的雅可比矩阵就是等价全连接层的权重矩阵 M：y = M x
M = jacobian(conv, torch.zeros(25))
print(tuple(M.shape), int((M != 0).sum()))
# > (9, 25) 81

# 检查 1：卷积输出 = M 乘以拉平的输入，即一个 25 -> 9 的全连接层
x = torch.randn(25)
torch.testing.assert_close(conv(x), M @ x)

# 检查 2：局部连接，每个输出只连 9 个输入（全连接是 25 个）；
#         参数共享，每一行的非零元素都是同一组 9 个卷积核参数
for row in M:
    assert int((row != 0).sum()) == 9
    torch.testing.assert_close(row[row != 0], W.flatten())

# 检查 3：平移等变，先平移再卷积 = 先卷积再平移（用循环填充，边界也精确成立）
X = torch.randn(1, 1, 8, 8)
K = torch.randn(2, 1, 3, 3)


def conv_circular(X: torch.Tensor) -> torch.Tensor:
    return F.conv2d(F.pad(X, (1, 1, 1, 1), mode="circular"), K)


shift = (2, 3)  # 向下 2 格、向右 3 格
torch.testing.assert_close(
    conv_circular(torch.roll(X, shift, dims=(2, 3))),
    torch.roll(conv_circular(X), shift, dims=(2, 3)),
)


# 检查 4：步幅 2 时只剩“平移 2 的倍数”的等变：平移 2 格，输出平移 1 格；
#         平移 1 格，输出不等于原输出的任何一种平移
def conv_circular_stride2(X: torch.Tensor) -> torch.Tensor:
    return F.conv2d(F.pad(X, (1, 1, 1, 1), mode="circular"), K, stride=2)


Y = conv_circular_stride2(X)  # (1, 2, 4, 4)
torch.testing.assert_close(
    conv_circular_stride2(torch.roll(X, (2, 2), dims=(2, 3))), torch.roll(Y, (1, 1), dims=(2, 3))
)
Y_shift1 = conv_circular_stride2(torch.roll(X, (0, 1), dims=(2, 3)))
assert not any(
    torch.allclose(Y_shift1, torch.roll(Y, (a, b), dims=(2, 3))) for a in range(4) for b in range(4)
)
