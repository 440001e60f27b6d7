"""给线性回归的输入加方差为 σ² 的高斯噪声，在期望意义下等价于 L2 正则（岭回归，Bishop 1995）：
E[MSE(带噪输入)] = MSE + σ²‖w‖²，其最小值点就是 λ = Nσ² 的岭回归解。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
N, d, sigma = 20, 5, 0.5
X = torch.randn(N, d)
y = X @ torch.randn(d) + 0.3 * torch.randn(N)
w = torch.randn(d)  # 任取一组权重


def mse(w: torch.Tensor, X: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return ((y - X @ w) ** 2).mean()


# 1) 蒙特卡洛：对 20000 次独立的输入噪声取平均，与闭式结果比较
E = sigma * torch.randn(20_000, N, d)
mc = ((y - (X + E) @ w) ** 2).mean()
closed = mse(w, X, y) + sigma**2 * (w**2).sum()
print(f"蒙特卡洛 {mc:.4f}，闭式 {closed:.4f}，不加噪声 {mse(w, X, y):.4f}")
# > 蒙特卡洛 15.5871，闭式 15.6216，不加噪声 13.6163

# 2) 最小值点：岭回归 (XᵀX + λI) w = Xᵀy，λ = Nσ²
lam = N * sigma**2
w_ridge = torch.linalg.solve(X.T @ X + lam * torch.eye(d), X.T @ y)
w_ols = torch.linalg.lstsq(X, y[:, None]).solution.squeeze(1)
# 真正做数据增强：每个样本复制 K 份、各加一份噪声，在增强后的数据集上做最小二乘
K = 2000
X_aug = (X + sigma * torch.randn(K, N, d)).reshape(K * N, d)
y_aug = y.repeat(K)
w_aug = torch.linalg.lstsq(X_aug, y_aug[:, None]).solution.squeeze(1)
dist_aug, dist_ols = (w_aug - w_ridge).norm(), (w_ols - w_ridge).norm()
print(f"‖w_aug − w_ridge‖ = {dist_aug:.4f}，‖w_ols − w_ridge‖ = {dist_ols:.4f}")
# > ‖w_aug − w_ridge‖ = 0.0055，‖w_ols − w_ridge‖ = 0.2761

# 检查 1：期望损失 = MSE + σ²‖w‖²（蒙特卡洛相对误差 1% 以内）
assert abs(mc.item() - closed.item()) / closed.item() < 0.01
# 检查 2：岭回归解使 MSE + σ²‖w‖² 的梯度为 0（autograd）
w_r = w_ridge.clone().requires_grad_()
(g,) = torch.autograd.grad(mse(w_r, X, y) + sigma**2 * (w_r**2).sum(), w_r)
torch.testing.assert_close(g, torch.zeros(d), atol=1e-12, rtol=0)
# 检查 3：在加噪增强的数据上训练，得到的就是岭回归解（有限的 K 带来一点误差），而不是最小二乘解
assert dist_aug < 0.1 * dist_ols
