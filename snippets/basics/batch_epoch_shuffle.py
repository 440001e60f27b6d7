"""shuffle=True：每个 epoch 重新打乱一次，但每个样本在一个 epoch 里恰好出现一次。"""

import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

N, B = 10, 4
dataset = TensorDataset(torch.arange(N))  # 样本就是自己的编号，便于看顺序
g = torch.Generator().manual_seed(0)  # 固定打乱用的随机数，结果可复现
loader = DataLoader(dataset, batch_size=B, shuffle=True, generator=g)

orders = []
for epoch in range(3):
    batches = [xb.tolist() for (xb,) in loader]
    orders.append([i for batch in batches for i in batch])
    print(epoch, [len(batch) for batch in batches])
    # > 0 [4, 4, 2]
    # > 1 [4, 4, 2]
    # > 2 [4, 4, 2]

# 同一个种子重新建一个 DataLoader：打乱顺序完全相同
g2 = torch.Generator().manual_seed(0)
loader2 = DataLoader(dataset, batch_size=B, shuffle=True, generator=g2)
orders2 = [[i for (xb,) in loader2 for i in xb.tolist()] for _ in range(3)]

# 检查：每个 epoch 都是 0..N-1 的一个排列——每个样本恰好出现一次，不重复也不遗漏
for order in orders:
    assert sorted(order) == list(range(N))
# 检查：不同 epoch 的顺序不同（每个 epoch 重新打乱）
assert orders[0] != orders[1] and orders[1] != orders[2]
# 检查：打乱不是按原顺序
assert orders[0] != list(range(N))
# 检查：同一个 generator 种子，顺序可复现
assert orders == orders2
