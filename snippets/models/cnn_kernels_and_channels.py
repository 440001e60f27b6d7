"""卷积核与通道：每个卷积核有 C_in 个通道，C_out 个卷积核给出 C_out 个输出通道。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

C_in, C_out = 3, 5
conv = nn.Conv2d(C_in, C_out, kernel_size=3)
X = torch.randn(1, C_in, 6, 6)
Y = conv(X)

# 权重形状 (C_out, C_in, k_h, k_w)：C_out 个卷积核，每个都是 C_in×3×3
print(tuple(conv.weight.shape), tuple(Y.shape))
# > (5, 3, 3, 3) (1, 5, 4, 4)

# 第 o 个输出通道 = Σ_c（第 c 个输入通道 ⋆ 第 o 个卷积核的第 c 个通道）+ b_o
Y_by_channel = torch.stack(
    [
        sum(F.conv2d(X[:, c : c + 1], conv.weight[o : o + 1, c : c + 1]) for c in range(C_in))
        + conv.bias[o]
        for o in range(C_out)
    ],
    dim=1,
).squeeze(2)

# 检查：输出通道数等于卷积核个数；按通道分别互相关再相加，与 nn.Conv2d 一致
assert Y.shape[1] == conv.weight.shape[0] == C_out
assert conv.weight.shape[1] == X.shape[1] == C_in
torch.testing.assert_close(Y_by_channel, Y)
