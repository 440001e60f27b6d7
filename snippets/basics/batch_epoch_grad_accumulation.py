"""梯度累积：k 个大小为 b 的小批次各自 backward（损失除以 k），梯度累加后再更新一次，
等价于一个大小为 k×b 的 batch；但含 BatchNorm 的模型不完全等价。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X = torch.randn(32, 4)  # 想要的 batch size 是 32，但假设显存只放得下 8 个
y = torch.randn(32, 1)
k = 4  # 累积 4 个小批次：有效 batch size = 4 × 8 = 32


def accumulated_grads(model: nn.Module) -> list[torch.Tensor]:
    model.zero_grad()
    for xb, yb in zip(X.split(8), y.split(8), strict=True):
        (F.mse_loss(model(xb), yb) / k).backward()  # 梯度在 .grad 里累加
    return [p.grad.clone() for p in model.parameters()]


def full_batch_grads(model: nn.Module) -> list[torch.Tensor]:
    model.zero_grad()
    F.mse_loss(model(X), y).backward()
    return [p.grad.clone() for p in model.parameters()]


mlp = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
mlp_bn = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
grads_bn_acc = accumulated_grads(mlp_bn)
grads_bn_full = full_batch_grads(mlp_bn)
print(len(X.split(8)))
# > 4

# 检查：不含 BatchNorm 时，累积 4 个小批次的梯度 = 一个 32 样本 batch 的梯度
for g_acc, g_full in zip(accumulated_grads(mlp), full_batch_grads(mlp), strict=True):
    torch.testing.assert_close(g_acc, g_full)
# 检查：含 BatchNorm 时不相等——BN 的均值、方差是按 8 个样本的小批次算的
assert not torch.allclose(grads_bn_acc[0], grads_bn_full[0], atol=1e-4)
