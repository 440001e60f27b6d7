"""池化的输出尺寸：默认向下取整；ceil_mode=True 才向上取整，且窗口不能从右侧填充里开始。"""

import itertools
import math

import torch
from torch import nn


def pool_out(n: int, k: int, s: int, p: int = 0, d: int = 1, ceil_mode: bool = False) -> int:
    span = n + 2 * p - d * (k - 1) - 1  # 与卷积相同的分子
    if not ceil_mode:
        return span // s + 1
    out = math.ceil(span / s) + 1
    # 最后一个窗口的起点 (out-1)·s（以补零后的左端为 0）若已落在右侧填充里，就丢掉它
    return out - 1 if (out - 1) * s >= n + p else out


print(pool_out(5, k=2, s=2), pool_out(5, k=2, s=2, ceil_mode=True))  # 5×5 做 2×2 池化
# > 2 3
# 5 + 2 = 7 格里起点 0、2、4、6；起点 6 已在右侧填充里，所以是 3 而不是 4
print(pool_out(5, k=2, s=2, p=1, ceil_mode=True), math.ceil((5 + 2 - 2) / 2) + 1)
# > 3 4

# 检查：公式与 nn.MaxPool2d（含 dilation）、nn.AvgPool2d 的输出形状在整个网格上一致
checked = 0
grid = itertools.product(range(1, 11), (1, 2, 3, 4), (1, 2, 3), (0, 1, 2), (1, 2), (False, True))
for n, k, s, p, d, ceil_mode in grid:
    if 2 * p > k or d * (k - 1) + 1 > n + 2 * p:  # PyTorch 要求 p ≤ k/2，窗口不能比输入还大
        continue
    X = torch.zeros(1, 1, n, n)
    expected = (pool_out(n, k, s, p, d, ceil_mode),) * 2
    assert nn.MaxPool2d(k, s, p, d, ceil_mode=ceil_mode)(X).shape[-2:] == expected
    if d == 1:  # 平均池化没有 dilation 参数
        assert nn.AvgPool2d(k, s, p, ceil_mode=ceil_mode)(X).shape[-2:] == expected
    checked += 1
print(checked)
# > 798
