"""MLP 的参数量 = Σ (n_in · n_out + n_out)：每个全连接层有一个 n_out × n_in 的权重矩阵
和 n_out 个偏置；激活函数没有参数。与 sum(p.numel()) 逐一核对。"""

import itertools

import torch
from torch import nn

torch.manual_seed(0)


def mlp(sizes: list[int], bias: bool = True) -> nn.Sequential:
    layers: list[nn.Module] = []
    for n_in, n_out in itertools.pairwise(sizes):
        layers += [nn.Linear(n_in, n_out, bias=bias), nn.ReLU()]
    return nn.Sequential(*layers[:-1])  # 输出层后面不加激活


def count_by_formula(sizes: list[int], bias: bool = True) -> int:
    return sum(n_in * n_out + (n_out if bias else 0) for n_in, n_out in itertools.pairwise(sizes))


def count_by_torch(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# MNIST 上常见的 784-256-128-10
sizes = [784, 256, 128, 10]
net = mlp(sizes)
per_layer = [count_by_torch(m) for m in net]
print(per_layer, count_by_torch(net))
# > [200960, 0, 32896, 0, 1290] 235146
print(net[0].weight.shape)
# > torch.Size([256, 784])

# 检查：公式与 PyTorch 的参数个数一致（含无偏置、很深很窄等情形）
for s, bias in [(sizes, True), (sizes, False), ([2, 3, 1], True), ([10] + [32] * 8 + [1], True)]:
    assert count_by_formula(s, bias) == count_by_torch(mlp(s, bias))
# 检查：逐层数字（ReLU 的参数个数为 0）
assert per_layer == [784 * 256 + 256, 0, 256 * 128 + 128, 0, 128 * 10 + 10]
