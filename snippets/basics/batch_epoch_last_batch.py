"""最后一个 batch 只剩 1 个样本时，训练模式的 BatchNorm 直接报错；drop_last=True 可以避免。"""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

N, B = 65, 32  # 65 = 2 × 32 + 1：最后一个 batch 只有 1 个样本
dataset = TensorDataset(torch.randn(N, 4))
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU())
model.train()

# 不丢弃：前两个 batch 正常，第三个 batch 只有 1 个样本，无法估计方差
sizes = []
message = ""
for (xb,) in DataLoader(dataset, batch_size=B):
    sizes.append(len(xb))
    try:
        model(xb)
    except ValueError as error:
        message = str(error)
print(sizes)
# > [32, 32, 1]

# drop_last=True：丢掉不完整的最后一批，每个 batch 都是 32
sizes_drop = [len(xb) for (xb,) in DataLoader(dataset, batch_size=B, drop_last=True)]
outputs = [model(xb) for (xb,) in DataLoader(dataset, batch_size=B, drop_last=True)]

# 检查：1 个样本的 batch 让 BatchNorm 报错
assert "Expected more than 1 value per channel when training" in message
# 检查：drop_last 之后只剩完整的 batch，全部正常前向
assert sizes_drop == [32, 32] and all(out.shape == (32, 8) for out in outputs)
# 检查：卷积后的 BatchNorm2d 在每个通道上还有 H×W 个值，1 个样本不会报错（但统计量很不准）
assert nn.BatchNorm2d(3).train()(torch.randn(1, 3, 4, 4)).shape == (1, 3, 4, 4)
# 检查：推理（eval 模式用滑动平均的统计量）时 1 个样本也没问题
model.eval()
assert model(dataset.tensors[0][-1:]).shape == (1, 8)
