"""batch 很小时 BN 出问题：batch=1、H=W=1 时 x - μ = 0，输出恒为 β（PyTorch 干脆报错）；
batch=2 时每个特征只剩 ±1；批统计量的噪声随 batch 变小而变大。GN 与 batch 大小无关。"""

import math

import torch
from torch import nn

torch.manual_seed(0)

C, eps = 4, 1e-5
gamma, beta = torch.tensor([1.0, 2.0, 3.0, 4.0]), torch.tensor([0.1, 0.2, 0.3, 0.4])

# batch = 1，每个通道只有 1 个数：均值就是它自己，方差为 0
x = torch.randn(1, C, 1, 1)
mu = x.mean(dim=(0, 2, 3), keepdim=True)
var = x.var(dim=(0, 2, 3), keepdim=True, unbiased=False)
y = gamma.view(1, C, 1, 1) * (x - mu) / torch.sqrt(var + eps) + beta.view(1, C, 1, 1)
print([round(v, 4) for v in y.flatten().tolist()])
# > [0.1, 0.2, 0.3, 0.4]
bn = nn.BatchNorm2d(C).train()
try:
    bn(x)
except ValueError as err:
    print(err)
# > Expected more than 1 value per channel when training, got input size torch.Size([1, 4, 1, 1])

# batch = 2：(x1 - μ)/σ = (x1 - x2)/|x1 - x2| = ±1，输入的大小信息全部丢失
X2 = torch.randn(2, C) * 10
Y2 = nn.BatchNorm1d(C).train()(X2)

# 批统计量的噪声：从同一个数据集里抽 1000 个 mini-batch，看批均值抖动多大（标准误 σ/√m）
data = torch.randn(10000)
noise = {}
for m in (2, 32):
    batch_means = data[torch.randint(0, 10000, (1000, m))].mean(dim=1)  # 每行是一个 batch
    noise[m] = batch_means.std().item()
print({m: round(s, 3) for m, s in noise.items()})
# > {2: 0.724, 32: 0.177}

# GN 只在单个样本内部求统计量，batch=1 也能用，结果与把它放进大 batch 时相同
gn = nn.GroupNorm(2, C)
X = torch.randn(8, C, 3, 3)

# 检查：batch=1、H=W=1 时手算的输出恰为 β
torch.testing.assert_close(y.flatten(), beta)
# 检查：batch=2 时 BN 输出只有 ±1（误差来自 ε）
torch.testing.assert_close(Y2.abs(), torch.ones_like(Y2), atol=1e-4, rtol=0)
# 检查：批均值的抖动与标准误 σ/√m（有放回抽样）相差不到 10%，所以 m=2 时是 m=32 时的约 4 倍
sigma = data.std(correction=0).item()
for m in (2, 32):
    assert abs(noise[m] / (sigma / math.sqrt(m)) - 1) < 0.1
assert abs(noise[2] / noise[32] / math.sqrt(32 / 2) - 1) < 0.2
# 检查：GN 对单个样本的输出与 batch 无关
torch.testing.assert_close(gn(X[:1]), gn(X)[:1])
