"""卷积输出尺寸 floor((n + 2p - d(k-1) - 1) / s) + 1（向下取整），在参数网格上对照 nn.Conv2d。"""

import itertools
import math
import warnings

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


def conv_out(n: int, k: int, p: int = 0, s: int = 1, d: int = 1) -> int:
    """一维方向上的输出长度；// 是向下取整（分子非负）。"""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def conv_out_ceil(n: int, k: int, p: int = 0, s: int = 1, d: int = 1) -> int:
    """常见的错误做法：除不尽时向上取整。"""
    return math.ceil((n + 2 * p - d * (k - 1) - 1) / s) + 1


print(conv_out(32, k=5))  # LeNet：32×32 输入，5×5 卷积
# > 28
print(conv_out(224, k=7, p=3, s=2))  # ResNet 第一层：(224 + 6 - 6 - 1) / 2 = 111.5，向下取整
# > 112
print(conv_out(6, k=3, s=2))  # (6 - 3) / 2 = 1.5 -> 1，再 + 1
# > 2
print(conv_out(7, k=3, d=2))  # 空洞 d=2：3×3 核实际覆盖 5×5
# > 3
print(conv_out_ceil(224, k=7, p=3, s=2))  # 向上取整：多出一个凑不满的窗口
# > 113

# 检查 1：公式与 nn.Conv2d 的输出形状在整个网格上一致；向上取整的版本在除不尽的设置上都错
checked = wrong_ceil = 0
for n, k, p, s, d in itertools.product(range(1, 13), (1, 2, 3, 5), (0, 1, 2), (1, 2, 3), (1, 2)):
    if d * (k - 1) + 1 > n + 2 * p:  # 核比补零后的输入还大：PyTorch 直接报错
        continue
    conv = nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)
    Y = conv(torch.zeros(1, 1, n, n))
    assert Y.shape[-2:] == (conv_out(n, k, p, s, d),) * 2, (n, k, p, s, d)
    checked += 1
    wrong_ceil += conv_out_ceil(n, k, p, s, d) != Y.shape[-1]
    divisible = (n + 2 * p - d * (k - 1) - 1) % s == 0
    assert (conv_out_ceil(n, k, p, s, d) == Y.shape[-1]) == divisible, (n, k, p, s, d)
print(checked, wrong_ceil)
# > 759 290

# 检查 2：'same' 填充（只支持 stride=1）保持尺寸；奇数核时等于 p = d(k-1)/2
X = torch.randn(1, 2, 9, 9)
for k, d in itertools.product((1, 3, 5, 7), (1, 2)):
    conv = nn.Conv2d(2, 3, k, padding="same", dilation=d)
    p = d * (k - 1) // 2
    assert conv_out(9, k, p, 1, d) == 9
    torch.testing.assert_close(conv(X), F.conv2d(X, conv.weight, conv.bias, padding=p, dilation=d))

# 检查 3：偶数核时总填充 d(k-1) 是奇数，PyTorch 把多出的 1 行/列补在下边和右边
for k in (2, 4):
    conv = nn.Conv2d(2, 3, k, padding="same")
    left = (k - 1) // 2
    right = (k - 1) - left
    X_pad = F.pad(X, (left, right, left, right))  # (左, 右, 上, 下)
    with warnings.catch_warnings():  # 偶数核时 PyTorch 提示“可能多拷贝一次输入”，与结论无关
        warnings.simplefilter("ignore", UserWarning)
        Y = conv(X)
    torch.testing.assert_close(Y, F.conv2d(X_pad, conv.weight, conv.bias))

# 检查 4：padding='same' 配 stride>1 时 PyTorch 直接报错
try:
    nn.Conv2d(2, 3, 3, padding="same", stride=2)
except ValueError as error:
    message = str(error)
assert "not supported for strided convolutions" in message
