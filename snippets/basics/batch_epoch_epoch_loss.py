"""损失每个 iteration 都算；epoch 损失 = 各 batch 损失按 batch 大小加权的平均，
这样才等于整个数据集上的损失。不加权的平均在最后一批较小时是错的。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

N, K, B = 100, 3, 32  # 100 个样本、3 个类别、batch size 32：批大小 32, 32, 32, 4
X = torch.randn(N, 5)
y = torch.randint(0, K, (N,))
model = nn.Linear(5, K)
loader = DataLoader(TensorDataset(X, y), batch_size=B)

# 固定参数（例如在验证集上评估），逐个 batch 算交叉熵
with torch.no_grad():
    batch_losses, batch_sizes = [], []
    for xb, yb in loader:
        batch_losses.append(F.cross_entropy(model(xb), yb).item())  # 这个 batch 的平均损失
        batch_sizes.append(len(xb))
    sum_loss = sum(F.cross_entropy(model(xb), yb, reduction="sum").item() for xb, yb in loader)
    full_loss = F.cross_entropy(model(X), y).item()  # 整个数据集一次算完

weighted = sum(loss_b * n for loss_b, n in zip(batch_losses, batch_sizes, strict=True)) / N
unweighted = sum(batch_losses) / len(batch_losses)
print(batch_sizes)
# > [32, 32, 32, 4]
print(f"{full_loss:.3f} {weighted:.3f} {unweighted:.3f}")
# > 1.203 1.203 1.153

# 训练时的 epoch 损失：参数每个 iteration 都在变，各 batch 的损失来自不同的参数
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
running, seen = 0.0, 0
for xb, yb in loader:
    loss = F.cross_entropy(model(xb), yb)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    running += loss.item() * len(xb)  # 累加“平均损失 × 批大小”
    seen += len(xb)
train_epoch_loss = running / seen
with torch.no_grad():
    loss_after_epoch = F.cross_entropy(model(X), y).item()
print(f"{train_epoch_loss:.3f} {loss_after_epoch:.3f}")
# > 1.181 1.157

# 检查：按批大小加权的平均 = 整个数据集的损失；另一种写法是各批 reduction="sum" 求和再除以 N
assert abs(weighted - full_loss) < 1e-5
assert abs(sum_loss / N - full_loss) < 1e-5
# 检查：不加权的平均把最后 4 个样本的 batch 当成和 32 个样本的 batch 一样重，结果不对
assert abs(unweighted - full_loss) > 0.01
# 检查：训练中累计的 epoch 损失是“边训练边算”的，不等于 epoch 结束时模型在全集上的损失
assert abs(train_epoch_loss - loss_after_epoch) > 0.01
