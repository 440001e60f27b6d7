"""一个神经元 = 加权和 + 偏置 + 激活函数；一层全连接层 = 许多神经元并排，
PyTorch 的 nn.Linear 计算 y = x Wᵀ + b，权重形状是 (输出维度, 输入维度)。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 单个神经元：3 个输入，Sigmoid 激活
x = torch.tensor([1.0, -2.0, 0.5])
w = torch.tensor([0.4, 0.1, -0.6])
b = 0.2
z = (w * x).sum() + b  # 加权和 + 偏置 = 0.4 - 0.2 - 0.3 + 0.2
a = torch.sigmoid(z)
print(f"z = {z.item():.4f}, a = {a.item():.4f}")
# > z = 0.1000, a = 0.5250

# 一层：4 个输入、3 个神经元，一次处理一个批次的 5 个样本
layer = nn.Linear(in_features=4, out_features=3)
X = torch.randn(5, 4)
W, bias = layer.weight, layer.bias
print(W.shape, bias.shape, layer(X).shape)
# > torch.Size([3, 4]) torch.Size([3]) torch.Size([5, 3])

# 检查：单个神经元就是只有一个输出的全连接层
neuron = nn.Linear(3, 1)
with torch.no_grad():
    neuron.weight.copy_(w[None])
    neuron.bias.fill_(b)
torch.testing.assert_close(torch.sigmoid(neuron(x)), a[None])
# 检查：nn.Linear 算的是 X Wᵀ + b（与 F.linear 相同）
torch.testing.assert_close(layer(X), X @ W.T + bias)
torch.testing.assert_close(layer(X), F.linear(X, W, bias))
# 检查：第 j 个输出只用权重矩阵的第 j 行，每个神经元有自己的一行权重（同层之间不共享）
for j in range(3):
    torch.testing.assert_close(layer(X)[:, j], X @ W[j] + bias[j])
assert not torch.equal(W[0], W[1])
# 检查：PyTorch 默认初始化是 [-1/√in, 1/√in] 上的均匀分布（权重和偏置都是）。
# 用一个大层看分布本身：不越界、两端都取得到、方差等于均匀分布的 bound²/3
wide = nn.Linear(400, 300)
bound = 1 / math.sqrt(wide.in_features)  # = 0.05
for p in (wide.weight, wide.bias):
    assert p.abs().max() <= bound
    assert p.max() > 0.95 * bound and p.min() < -0.95 * bound
w_all = wide.weight.detach()
assert w_all.max() > 0.999 * bound and w_all.min() < -0.999 * bound
assert abs(w_all.var().item() / (bound**2 / 3) - 1) < 0.02
