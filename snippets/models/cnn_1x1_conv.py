"""1×1 卷积 = 在每个像素上对通道做同一个全连接层；瓶颈结构用它先降维再升维来省参数。"""

import torch
from torch import nn

torch.manual_seed(0)

# 1×1 卷积：8 个输入通道 -> 4 个输出通道，空间尺寸不变
conv1x1 = nn.Conv2d(8, 4, kernel_size=1)
linear = nn.Linear(8, 4)
with torch.no_grad():
    linear.weight.copy_(conv1x1.weight.view(4, 8))  # (C_out, C_in, 1, 1) -> (C_out, C_in)
    linear.bias.copy_(conv1x1.bias)

X = torch.randn(2, 8, 5, 5)
Y = conv1x1(X)
print(tuple(Y.shape))
# > (2, 4, 5, 5)

# ResNet 的瓶颈块（卷积后接 BN，所以不带偏置）：256 -> 64 -> 64 -> 256
direct = nn.Conv2d(256, 256, 3, padding=1, bias=False)
bottleneck = nn.Sequential(
    nn.Conv2d(256, 64, 1, bias=False),  # 1×1 降维
    nn.Conv2d(64, 64, 3, padding=1, bias=False),  # 在 64 个通道上做 3×3
    nn.Conv2d(64, 256, 1, bias=False),  # 1×1 升维
)
n_direct = sum(p.numel() for p in direct.parameters())
n_bottleneck = sum(p.numel() for p in bottleneck.parameters())
print(n_direct, n_bottleneck)
# > 589824 69632

# 检查 1：1×1 卷积等于把每个像素的通道向量送进同一个 nn.Linear
Y_linear = linear(X.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # 通道移到最后再移回来
torch.testing.assert_close(Y, Y_linear)

# 检查 2：瓶颈结构输入输出形状相同，参数量符合公式
X = torch.randn(1, 256, 8, 8)
assert direct(X).shape == bottleneck(X).shape == (1, 256, 8, 8)
assert n_direct == 256 * 256 * 9
assert n_bottleneck == 256 * 64 + 64 * 64 * 9 + 64 * 256
