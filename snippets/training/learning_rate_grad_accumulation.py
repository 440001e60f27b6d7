"""梯度累积：k 个小批量的梯度（损失各除以 k）累加，等于 k 倍大批量的梯度；含 BatchNorm 时不等。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
k, B = 4, 8  # 4 个小批量，每个 8 个样本 → 等效批量 32
X, y = torch.randn(k * B, 10), torch.randn(k * B, 1)


def grads_full(model: nn.Module) -> list[torch.Tensor]:
    model.zero_grad()
    F.mse_loss(model(X), y).backward()  # 一次算完 32 个样本
    return [p.grad.clone() for p in model.parameters()]


def grads_accumulated(model: nn.Module) -> list[torch.Tensor]:
    model.zero_grad()
    for xb, yb in zip(X.split(B), y.split(B), strict=True):
        (F.mse_loss(model(xb), yb) / k).backward()  # .grad 会累加；除以 k 让它变成平均
    return [p.grad.clone() for p in model.parameters()]


mlp = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 1))
bn_net = nn.Sequential(nn.Linear(10, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 1))
pairs_mlp = list(zip(grads_full(mlp), grads_accumulated(mlp), strict=True))
pairs_bn = list(zip(grads_full(bn_net), grads_accumulated(bn_net), strict=True))
gap_bn = max((a - b).abs().max().item() for a, b in pairs_bn)
print(f"含 BatchNorm 时，两种做法的梯度最大相差 {gap_bn:.3f}")
# > 含 BatchNorm 时，两种做法的梯度最大相差 0.356

# 检查 1：没有 BatchNorm 时，累积的梯度与大批量的梯度一致
for a, b in pairs_mlp:
    torch.testing.assert_close(a, b)
# 检查 2：有 BatchNorm 时不一致：每个小批量用的是自己的均值和方差
assert gap_bn > 1e-2


# 检查 3：批大小不等（5、11、8、8）时，“各除以 k”不再等于大批量的平均梯度；
#         按样本数加权（乘 n_j / 32）才相等
def grads_uneven(model: nn.Module, weighted: bool) -> list[torch.Tensor]:
    model.zero_grad()
    for xb, yb in zip(X.split([5, 11, 8, 8]), y.split([5, 11, 8, 8]), strict=True):
        w = len(xb) / len(X) if weighted else 1 / k
        (F.mse_loss(model(xb), yb) * w).backward()
    return [p.grad.clone() for p in model.parameters()]


full = grads_full(mlp)
for a, b in zip(full, grads_uneven(mlp, weighted=True), strict=True):
    torch.testing.assert_close(a, b)
assert any(
    not torch.allclose(a, b) for a, b in zip(full, grads_uneven(mlp, weighted=False), strict=True)
)
