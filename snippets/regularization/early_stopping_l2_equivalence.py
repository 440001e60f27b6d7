"""线性最小二乘、从 0 出发的梯度下降：第 t 步的解在每个奇异方向上把最小二乘解乘以 1 - (1 - ηs²)^t，
岭回归乘以 s²/(s² + λ)。取 λ = 1/(ηt)，两条曲线很接近：早停约等于 L2 正则
（Goodfellow 等《深度学习》7.8 节）。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d = 50, 20
X = torch.randn(n, d) * torch.logspace(0, -2, d)  # 各方向的尺度从 1 到 0.01
y = X @ torch.randn(d) + 0.5 * torch.randn(n)
U, s, Vh = torch.linalg.svd(X, full_matrices=False)
lr = 0.5 / s.max().item() ** 2  # 保证 ηs² ≤ 0.5 < 1，梯度下降收敛
c = U.T @ y / s  # 最小二乘解在各奇异方向上的分量：w_ols = V c


def w_gd(t: int) -> torch.Tensor:
    """损失 ½‖Xw - y‖²，从 0 出发梯度下降 t 步的闭式解。"""
    return Vh.T @ ((1 - (1 - lr * s**2) ** t) * c)


def w_ridge(lam: torch.Tensor) -> torch.Tensor:
    """岭回归解 (XᵀX + λI)⁻¹Xᵀy；lam 可以是一串 λ，返回每行一个解。"""
    return (s**2 / (s**2 + lam[..., None]) * c) @ Vh


w_ols = Vh.T @ c
lams = torch.logspace(-6, 4, 2001)  # 用来找“最像”的 λ
ratios, rows = [], []  # 最后两列：w_t 到岭解、到 OLS 解的相对距离 ‖w_t - w‖/‖w_t‖
for t in [10, 100, 1000, 10000]:
    wt, lam = w_gd(t), torch.tensor(1 / (lr * t))
    best_lam = lams[(w_ridge(lams) - wt).norm(dim=1).argmin()]
    to_ridge = ((wt - w_ridge(lam)).norm() / wt.norm()).item()
    to_ols = ((wt - w_ols).norm() / wt.norm()).item()
    ratios.append((best_lam / lam).item())
    rows.append((to_ridge, to_ols))
    print(f"t={t:5d}  1/(ηt)={lam:.4g}  最像的 λ={best_lam:.4g}  {to_ridge:.2f}  {to_ols:.2f}")
# > t=   10  1/(ηt)=9.616  最像的 λ=6.839  0.19  10.14
# > t=  100  1/(ηt)=0.9616  最像的 λ=0.6383  0.16  4.66
# > t= 1000  1/(ηt)=0.09616  最像的 λ=0.06839  0.15  2.84
# > t=10000  1/(ηt)=0.009616  最像的 λ=0.006761  0.15  1.10

# 检查 1：闭式解与真正用 torch.optim.SGD 跑出来的梯度下降一致
w = torch.zeros(d, requires_grad=True)
opt = torch.optim.SGD([w], lr=lr)
for step in range(1, 101):
    opt.zero_grad()
    (0.5 * ((X @ w - y) ** 2).sum()).backward()
    opt.step()
    if step in (10, 100):
        torch.testing.assert_close(w.detach(), w_gd(step))
# 检查 2：两条收缩曲线（在 0 到最大奇异值之间的任意 s 上）：梯度下降的总在岭回归之上，
# 因为 (1 - a)^t ≤ e^(-at) ≤ 1/(1 + at)；两者最多相差约 0.2（ηs² 很小时的极限是 0.204）
s_all = torch.logspace(-3, 0, 1000) * s.max()
for t, bound in [(10, 0.23), (100, 0.21), (1000, 0.21), (10000, 0.21)]:
    f_gd = 1 - (1 - lr * s_all**2) ** t
    f_ridge = s_all**2 / (s_all**2 + 1 / (lr * t))
    assert (f_gd >= f_ridge).all() and (f_gd - f_ridge).max() < bound
# 检查 3：最像的 λ 略小于 1/(ηt)，约为它的 0.66 到 0.72 倍；第 t 步的解离岭解比离 OLS 解近得多
assert all(0.66 < r < 0.72 for r in ratios)
assert all(to_ridge < 0.25 * to_ols for to_ridge, to_ols in rows)
# 检查 4：‖w_t‖ 随 t 单调增加：训练越久，相当于 λ 越小、约束越松
norms = torch.stack([w_gd(t).norm() for t in range(0, 10001, 50)])
assert (norms[1:] > norms[:-1]).all()
