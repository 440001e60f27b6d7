"""同样把 3×32×32 的图映射成 16×32×32 的特征图：全连接层与 3×3 卷积层的参数量。"""

import torch
from torch import nn

torch.manual_seed(0)

C_in, C_out, H, W = 3, 16, 32, 32

# device="meta" 只记录形状、不分配内存：五千万个参数也能瞬间“建”出来数一数
fc = nn.Linear(C_in * H * W, C_out * H * W, device="meta")
conv = nn.Conv2d(C_in, C_out, kernel_size=3, padding=1)

n_fc = sum(p.numel() for p in fc.parameters())
n_conv = sum(p.numel() for p in conv.parameters())
print(f"{n_fc:,} {n_conv:,} {n_fc // n_conv:,}")
# > 50,348,032 448 112,384

# 检查 1：全连接 = 每个输出连接全部输入 + 每个输出一个偏置
assert n_fc == (C_in * H * W) * (C_out * H * W) + C_out * H * W
# 检查 2：卷积 = 每个卷积核 C_in·3·3 个权重 + 1 个偏置，与 H、W 无关
assert n_conv == C_out * (C_in * 3 * 3) + C_out
# 检查 3：两者输出的元素个数相同
Y = conv(torch.randn(1, C_in, H, W))
assert Y.numel() == fc.out_features == C_out * H * W
