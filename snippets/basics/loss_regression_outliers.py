"""用一个常数 c 拟合一组数：MSE 的最优解是均值，MAE 的最优解是中位数。
一个离群点能把均值拖走，中位数几乎不动；离群点对 MSE 的梯度随残差线性增长，对 MAE、Huber 有上界。"""

import torch
import torch.nn.functional as F

data = torch.tensor([1.0, 2.0, 2.5, 3.0, 100.0], dtype=torch.float64)  # 最后一个是离群点
c = torch.linspace(0, 110, 110_001, dtype=torch.float64)  # 候选常数，步长 0.001

# 在网格上找让平均损失最小的 c
mse_of_c = ((c[:, None] - data) ** 2).mean(dim=1)
mae_of_c = (c[:, None] - data).abs().mean(dim=1)
c_mse, c_mae = c[mse_of_c.argmin()].item(), c[mae_of_c.argmin()].item()
print(f"{c_mse:.3f} {c_mae:.3f}")
# > 21.700 2.500

# 预测值 3 处，离群点（真实值 100）对各损失的梯度 ∂L/∂ŷ（单个样本）
y_hat = torch.tensor([3.0], dtype=torch.float64, requires_grad=True)
target = torch.tensor([100.0], dtype=torch.float64)
grads = {}
for name, fn in {"mse": F.mse_loss, "mae": F.l1_loss, "huber": F.huber_loss}.items():
    (grads[name],) = torch.autograd.grad(fn(y_hat, target), y_hat)
print({k: v.item() for k, v in grads.items()})
# > {'mse': -194.0, 'mae': -1.0, 'huber': -1.0}

# 检查：MSE 的最优常数是均值，MAE 的是中位数
assert abs(c_mse - data.mean().item()) < 1e-3
assert abs(c_mae - data.median().item()) < 1e-3
# 检查：MSE 的梯度 2(ŷ − y)，随残差线性增长；MAE、Huber（δ = 1）的梯度大小不超过 1
assert grads["mse"].item() == 2 * (3.0 - 100.0)
assert grads["mae"].abs().item() == 1.0 and grads["huber"].abs().item() == 1.0
