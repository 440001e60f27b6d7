"""回归损失 MSE、MAE、Huber、Smooth L1：按公式手写损失和对预测值的梯度，
与 torch.nn.functional 的实现和 autograd 对比；Huber 与 Smooth L1 只差一个系数。"""

import torch
import torch.nn.functional as F

y_hat = torch.tensor([2.5, 0.0, 2.0, 8.0, -1.0, 3.2], dtype=torch.float64)  # 预测值
y = torch.tensor([3.0, -0.5, 2.0, 7.0, 2.0, 3.0], dtype=torch.float64)  # 真实值
N = len(y)
r = y_hat - y  # 残差，其中一个恰好为 0
delta = 1.0  # Huber 的阈值 δ（Smooth L1 里叫 β）

# 损失：都对 N 个样本取平均
mse = (r**2).mean()
mae = r.abs().mean()
huber = torch.where(r.abs() <= delta, 0.5 * r**2, delta * (r.abs() - 0.5 * delta)).mean()
print(f"{mse:.4f} {mae:.4f} {huber:.4f}")
# > 1.7567 0.8667 0.5450

# 手推的梯度 ∂L/∂ŷ_n
grad_by_hand = {
    "mse": 2 * r / N,  # 与残差成正比
    "mae": torch.sign(r) / N,  # 只看符号，大小恒定；r = 0 处 PyTorch 取 0
    "huber": torch.where(r.abs() <= delta, r, delta * torch.sign(r))
    / N,  # 小残差像 MSE，大残差像 MAE
}
builtin = {"mse": F.mse_loss, "mae": F.l1_loss, "huber": F.huber_loss}


def grad_of(loss_fn, y_hat: torch.Tensor) -> torch.Tensor:
    y_hat = y_hat.clone().requires_grad_()
    (g,) = torch.autograd.grad(loss_fn(y_hat, y), y_hat)
    return g


# 检查：手写的损失值与 PyTorch 一致
torch.testing.assert_close(mse, F.mse_loss(y_hat, y))
torch.testing.assert_close(mae, F.l1_loss(y_hat, y))
torch.testing.assert_close(huber, F.huber_loss(y_hat, y, delta=delta))
# 检查：手推的梯度与 autograd 一致
for name, fn in builtin.items():
    torch.testing.assert_close(grad_of(fn, y_hat), grad_by_hand[name])
# 检查：Huber(δ) = δ · SmoothL1(β = δ)；δ = 1 时两者相同
for d in (0.5, 1.0, 2.0):
    torch.testing.assert_close(
        F.huber_loss(y_hat, y, delta=d), d * F.smooth_l1_loss(y_hat, y, beta=d)
    )
