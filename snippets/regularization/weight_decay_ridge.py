"""岭回归（L2 正则的线性回归）：闭式解 (XᵀX + λI)⁻¹Xᵀy 与带 weight_decay 的梯度下降收敛到同一点；
在奇异向量方向上看，它把最小二乘解的每个分量乘以 s²/(s² + λ)：s 小的方向缩得最多。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d, lam = 20, 5, 2.0
X = torch.randn(n, d) * torch.tensor([2.0, 1.5, 1.0, 0.5, 0.1])  # 各方向尺度差别很大
y = X @ torch.randn(d) + 0.1 * torch.randn(n)

# 目标 J(w) = ½‖Xw - y‖² + (λ/2)‖w‖²，闭式解
w_ridge = torch.linalg.solve(X.T @ X + lam * torch.eye(d), X.T @ y)

# 梯度下降：损失只写数据项，L2 交给 torch.optim.SGD 的 weight_decay
w = torch.zeros(d, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.02, weight_decay=lam)
for _ in range(400):
    opt.zero_grad()
    (0.5 * ((X @ w - y) ** 2).sum()).backward()
    opt.step()

# SVD：X = U diag(s) Vᵀ，在 V 的各列方向上比较岭回归解与最小二乘解
U, s, Vh = torch.linalg.svd(X, full_matrices=False)
w_ols = torch.linalg.lstsq(X, y[:, None]).solution.squeeze(1)
factor = (Vh @ w_ridge) / (Vh @ w_ols)  # 每个方向上的收缩比例
print("s =", [round(v, 2) for v in s.tolist()])
print("收缩比例 =", [round(v, 3) for v in factor.tolist()])
# > s = [9.37, 7.5, 4.49, 2.58, 0.39]
# > 收缩比例 = [0.978, 0.966, 0.91, 0.769, 0.071]
print(f"有效自由度 = {(s**2 / (s**2 + lam)).sum():.2f}（参数个数 {d}）")
# > 有效自由度 = 3.69（参数个数 5）

# d > n：XᵀX 奇异，最小二乘解不唯一；加上 λI 之后矩阵可逆，解唯一
X_wide = torch.randn(5, 10)
y_wide = torch.randn(5)
gram = X_wide.T @ X_wide

# 检查 1：梯度下降（SGD + weight_decay）收敛到闭式解
torch.testing.assert_close(w.detach(), w_ridge)
# 检查 2：收缩比例恰好是 s²/(s² + λ)；也等于 V diag(s/(s²+λ)) Uᵀy 这个写法
torch.testing.assert_close(factor, s**2 / (s**2 + lam))
torch.testing.assert_close(w_ridge, Vh.T @ (s / (s**2 + lam) * (U.T @ y)))
# 检查 3：有效自由度 = 帽子矩阵 X(XᵀX + λI)⁻¹Xᵀ 的迹 = Σ s²/(s² + λ)，小于参数个数 d
hat = X @ torch.linalg.solve(X.T @ X + lam * torch.eye(d), X.T)
torch.testing.assert_close(torch.trace(hat), (s**2 / (s**2 + lam)).sum())
assert torch.trace(hat) < d
# 检查 4：d > n 时 XᵀX 的秩只有 n = 5，加 λI 后满秩；λ → 0 时岭解趋于最小范数解 pinv(X)y
assert torch.linalg.matrix_rank(gram) == 5
assert torch.linalg.matrix_rank(gram + lam * torch.eye(10)) == 10
w_tiny = torch.linalg.solve(gram + 1e-8 * torch.eye(10), X_wide.T @ y_wide)
torch.testing.assert_close(w_tiny, torch.linalg.pinv(X_wide) @ y_wide, atol=1e-6, rtol=1e-6)
