"""PyTorch 默认初始化：nn.Linear、nn.Conv2d 的权重用 kaiming_uniform_(a=√5)，
等价于 U(-1/√fan_in, 1/√fan_in)，偏置也是这个区间；它的方差 1/(3·fan_in) 比 He 的 2/fan_in 小。"""

import math

import torch
from torch import nn

torch.manual_seed(0)

fan_in, fan_out = 400, 300
linear = nn.Linear(fan_in, fan_out)
bound = 1 / math.sqrt(fan_in)
print(f"{bound:.4f} {linear.weight.abs().max().item():.4f} {linear.bias.abs().max().item():.4f}")
# > 0.0500 0.0500 0.0499

# 同一个种子下手动调用 kaiming_uniform_(a=√5)：增益 √(2/(1+5)) = 1/√3，边界 = 增益·√(3/fan_in)
torch.manual_seed(0)
W = nn.init.kaiming_uniform_(torch.empty(fan_out, fan_in), a=math.sqrt(5))
gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))

# 卷积层同理，fan_in = C_in·k_h·k_w = 16·3·3：同一个种子下手动重复 _ConvNd 的初始化
torch.manual_seed(1)
conv = nn.Conv2d(16, 32, 3)
conv_bound = 1 / math.sqrt(16 * 3 * 3)
torch.manual_seed(1)
conv_W = nn.init.kaiming_uniform_(torch.empty(32, 16, 3, 3), a=math.sqrt(5))
conv_b = nn.init.uniform_(torch.empty(32), -conv_bound, conv_bound)

# 用默认初始化堆 15 层 ReLU 网络（偏置置 0）：每层方差乘 fan_in·Var(w)/2 = 1/6
h = torch.randn(64, 256)
z_std = []
for _ in range(15):
    layer = nn.Linear(256, 256)
    nn.init.zeros_(layer.bias)
    z = layer(h)
    z_std.append(z.std().item())
    h = torch.relu(z)
print(f"{z_std[0]:.1e} {z_std[-1]:.1e}")
# > 5.8e-01 1.6e-06

# 检查：nn.Linear 的权重就是 kaiming_uniform_(a=√5) 的结果，边界恰为 1/√fan_in
torch.testing.assert_close(linear.weight, W, rtol=0, atol=0)
torch.testing.assert_close(gain * math.sqrt(3 / fan_in), bound)
assert bound * 0.999 < linear.weight.abs().max().item() <= bound
# 检查：偏置也是 U(-1/√fan_in, 1/√fan_in)：300 个值都在界内，最大值贴着边界
assert bound * 0.99 < linear.bias.abs().max().item() <= bound
# 检查：Conv2d 的权重、偏置与手动的 kaiming_uniform_(a=√5)、U(±1/√fan_in) 逐位相同
torch.testing.assert_close(conv.weight, conv_W, rtol=0, atol=0)
torch.testing.assert_close(conv.bias, conv_b, rtol=0, atol=0)
assert conv_bound * 0.99 < conv.weight.abs().max().item() <= conv_bound
# 检查：方差 = bound²/3 = 1/(3·fan_in)，只有 He 初始化 2/fan_in 的 1/6
assert abs(linear.weight.var().item() / (1 / (3 * fan_in)) - 1) < 0.02
# 检查：于是深层 ReLU 网络里标准差每层约缩小 √6 倍，14 层后与 6^-7 相差不到 3 倍
assert 1 / 3 < (z_std[-1] / z_std[0]) / 6**-7 < 3
