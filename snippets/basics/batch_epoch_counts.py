"""每个 epoch 的迭代次数 = ceil(N / B)，drop_last=True 时是 floor(N / B)；
总迭代次数 = epoch 数 × 每个 epoch 的迭代次数，与 DataLoader 和优化器实际走的步数对照。"""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

N = 1000  # 训练集样本数
X = torch.randn(N, 4)
y = torch.randn(N, 1)
dataset = TensorDataset(X, y)

# 1000 个样本、batch size 10：正好整除
print(math.ceil(N / 10), len(DataLoader(dataset, batch_size=10)))
# > 100 100

# 1000 个样本、batch size 32：1000 = 31 × 32 + 8，最后一个 batch 只有 8 个样本
B = 32
loader = DataLoader(dataset, batch_size=B)
loader_drop = DataLoader(dataset, batch_size=B, drop_last=True)  # 丢掉不完整的最后一批
sizes = [len(xb) for xb, _ in loader]
sizes_drop = [len(xb) for xb, _ in loader_drop]
print(len(loader), sizes[-1], len(loader_drop), sizes_drop[-1])
# > 32 8 31 32

# 训练 3 个 epoch：每个 iteration = 前向 + 反向 + 一次参数更新
num_epochs = 3
model = nn.Linear(4, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
iterations = 0
for _ in range(num_epochs):  # 每个 epoch 把训练集完整过一遍
    for xb, yb in loader:
        loss = F.mse_loss(model(xb), yb)  # 前向
        optimizer.zero_grad()
        loss.backward()  # 反向
        optimizer.step()  # 更新参数：这一步才算完成一次 iteration
        iterations += 1
steps = int(optimizer.state[model.weight]["step"].item())  # Adam 自己记录的更新次数
print(iterations, steps)
# > 96 96

# 检查：DataLoader 的长度是 ceil(N / B)，drop_last 时是 floor(N / B)
assert len(loader) == math.ceil(N / B) == 32
assert len(loader_drop) == N // B == 31
# 检查：每个 batch 的大小；不丢弃时所有样本都用到，丢弃时少用了 N mod B 个
assert sizes == [B] * 31 + [N % B] and sum(sizes) == N
assert sizes_drop == [B] * 31 and N - sum(sizes_drop) == N % B == 8
# 检查：优化器实际更新的次数 = epoch 数 × 每个 epoch 的迭代次数
assert iterations == steps == num_epochs * len(loader)
