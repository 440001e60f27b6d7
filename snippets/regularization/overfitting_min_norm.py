"""隐式正则化的最简单例子：参数比样本多（p = 50 > n = 10）时，能把训练集拟合到 0 的解有无穷多个；
从 0 出发的梯度下降偏偏收敛到其中范数最小的那个（伪逆解 X⁺y），没有任何显式的正则项。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, p = 10, 50
X = torch.randn(n, p) / p**0.5
y = torch.randn(n)

w = torch.zeros(p, requires_grad=True)  # 从 0 出发
optimizer = torch.optim.SGD([w], lr=0.5)
for _ in range(500):
    optimizer.zero_grad()
    F.mse_loss(X @ w, y).backward()
    optimizer.step()
w = w.detach()

w_min_norm = torch.linalg.pinv(X) @ y  # 所有插值解中范数最小的一个
null_dir = torch.linalg.svd(X).Vh[n:]  # 零空间的一组基：沿这些方向移动，训练预测不变
w_other = w_min_norm + null_dir.T @ torch.randn(p - n)  # 另一个插值解
train_gd, train_other = F.mse_loss(X @ w, y).item(), F.mse_loss(X @ w_other, y).item()
print(f"训练误差：{round(train_gd, 6) + 0.0:.6f}；‖w‖ = {w.norm():.3f}")
print(f"另一个插值解：训练误差 {round(train_other, 6) + 0.0:.6f}；‖w‖ = {w_other.norm():.3f}")
# > 训练误差：0.000000；‖w‖ = 5.443
# > 另一个插值解：训练误差 0.000000；‖w‖ = 8.524

# 检查 1：梯度下降把训练集拟合到 0，而且收敛到的正是最小范数解 X⁺y
assert F.mse_loss(X @ w, y) < 1e-12
torch.testing.assert_close(w, w_min_norm, atol=1e-6, rtol=0)
# 检查 2：插值解不止一个，其他插值解的范数都更大（与最小范数解正交分解：‖w‖² = ‖w⁺‖² + ‖Δ‖²）
assert F.mse_loss(X @ w_other, y) < 1e-20 and w_other.norm() > w_min_norm.norm()
torch.testing.assert_close(
    w_other.norm() ** 2, w_min_norm.norm() ** 2 + (w_other - w_min_norm).norm() ** 2
)
