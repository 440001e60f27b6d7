"""梯度累积：k 个微批次、每个的损失除以 k，累积出的梯度等于整批一次算的梯度。
忘了除以 k，梯度就大了 k 倍；模型里有批归一化时，两者不再相等（统计量按微批次算）。"""

import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(32, 10), torch.randn(32, 1)
k = 4  # 4 个微批次，每个 8 个样本


def gradients(model: nn.Module, micro_batches: int, divide: bool = True) -> torch.Tensor:
    model.zero_grad()
    for xb, yb in zip(x.chunk(micro_batches), y.chunk(micro_batches), strict=True):
        loss = nn.functional.mse_loss(model(xb), yb)
        (loss / micro_batches if divide else loss).backward()  # .grad 在多次 backward 间累加
    return torch.cat([p.grad.flatten() for p in model.parameters()])


mlp = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 1))
full = gradients(mlp, 1)
accumulated = gradients(mlp, k)
torch.testing.assert_close(accumulated, full)
not_divided = gradients(mlp, k, divide=False)
torch.testing.assert_close(not_divided, k * full)
print(f"累积 / 整批 = {(accumulated.norm() / full.norm()).item():.3f}")
print(f"忘了除以 k：{(not_divided.norm() / full.norm()).item():.3f} 倍")
# > 累积 / 整批 = 1.000
# > 忘了除以 k：4.000 倍

# 批归一化：每个微批次用自己的均值和方差，累积的梯度不等于整批
bn = nn.Sequential(nn.Linear(10, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 1))
gap = (gradients(bn, k) - gradients(bn, 1)).norm() / gradients(bn, 1).norm()
print(f"有 BN 时累积梯度与整批梯度的相对差：{gap.item():.2f}")
# > 有 BN 时累积梯度与整批梯度的相对差：0.54
assert gap > 0.05
