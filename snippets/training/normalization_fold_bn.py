"""推理时把 BN 折叠进前面的卷积：W' = W·γ/√(σ² + ε)，b' = (b - μ)·γ/√(σ² + ε) + β，
一个卷积层就能算出“卷积 + BN（eval 模式）”的结果。"""

import torch
from torch import nn

torch.manual_seed(0)

conv = nn.Conv2d(3, 8, 3, padding=1)
bn = nn.BatchNorm2d(8)
model = nn.Sequential(conv, bn)
for _ in range(10):  # 训练模式下跑几批，积累滑动平均；再随便设一组 γ、β
    model(torch.randn(16, 3, 8, 8) * 2 + 1)
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0)
    bn.bias.uniform_(-1.0, 1.0)
model.eval()

scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)  # 每个输出通道一个系数
fused = nn.Conv2d(3, 8, 3, padding=1)
with torch.no_grad():
    fused.weight.copy_(conv.weight * scale.view(8, 1, 1, 1))
    fused.bias.copy_((conv.bias - bn.running_mean) * scale + bn.bias)

X = torch.randn(4, 3, 8, 8)
fused_torch = torch.nn.utils.fusion.fuse_conv_bn_eval(conv, bn)  # PyTorch 自带的折叠工具

# 检查：折叠后的单个卷积与“卷积 + BN”在 eval 模式下输出一致
torch.testing.assert_close(fused(X), model(X), atol=1e-5, rtol=1e-5)
# 检查：与 torch.nn.utils.fusion.fuse_conv_bn_eval 得到的权重和偏置一致
torch.testing.assert_close(fused.weight, fused_torch.weight)
torch.testing.assert_close(fused.bias, fused_torch.bias)
