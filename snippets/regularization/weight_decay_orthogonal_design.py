"""正交设计（XᵀX = I）下三种惩罚都有闭式解，逐个坐标看得最清楚：
L0 硬阈值（要么保留、要么归零）、L1 软阈值（小的归零、大的减去 λ）、L2 按比例缩小（永不为 0）。"""

import math

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d, lam = 50, 6, 1.0
X, _ = torch.linalg.qr(torch.randn(n, d))  # 列正交归一：XᵀX = I
y = X @ torch.tensor([3.0, -2.0, 1.2, 0.6, -0.4, 0.1]) + 0.1 * torch.randn(n)
z = X.T @ y  # 不加正则的最小二乘解（OLS）

# 三个闭式解（目标都是 ½‖Xw - y‖² + 惩罚）
w_l0 = z * (z.abs() > math.sqrt(2 * lam))  # 惩罚 λ·‖w‖₀：硬阈值
w_l1 = torch.sign(z) * (z.abs() - lam).clamp(min=0)  # 惩罚 λ‖w‖₁：软阈值
w_l2 = z / (1 + lam)  # 惩罚 (λ/2)‖w‖²：按比例缩小
for name, w in [("OLS", z), ("L0", w_l0), ("L1", w_l1), ("L2", w_l2)]:
    print(f"{name:3s}", [round(v, 2) for v in (w + 0.0).tolist()])  # + 0.0 把 -0.0 变成 0.0
# > OLS [2.95, -1.81, 1.12, 0.62, -0.35, -0.04]
# > L0  [2.95, -1.81, 0.0, 0.0, 0.0, 0.0]
# > L1  [1.95, -0.81, 0.12, 0.0, 0.0, 0.0]
# > L2  [1.47, -0.9, 0.56, 0.31, -0.17, -0.02]

# 检查 1：XᵀX = I 时，½‖Xw - y‖² 与 ½‖w - z‖² 只差一个常数，问题拆成 d 个一维问题
w_rand = torch.randn(5, d)
gap = 0.5 * ((w_rand @ X.T - y) ** 2).sum(1) - 0.5 * ((w_rand - z) ** 2).sum(1)
torch.testing.assert_close(gap, gap[0].expand(5))
# 检查 2：在细网格上暴力最小化每个一维问题，与三个闭式解一致（网格间距 1e-4）
grid = torch.arange(-50000, 50001) * 1e-4  # 含恰好为 0 的点
for penalty, w_closed in [
    (lambda g: lam * (g != 0), w_l0),
    (lambda g: lam * g.abs(), w_l1),
    (lambda g: lam / 2 * g**2, w_l2),
]:
    obj = 0.5 * (grid[:, None] - z) ** 2 + penalty(grid)[:, None]  # (网格点, 坐标)
    torch.testing.assert_close(grid[obj.argmin(0)], w_closed, atol=1e-4, rtol=0)
# 检查 3：L2 闭式解与 torch.linalg.solve((XᵀX + λI), Xᵀy) 一致
torch.testing.assert_close(w_l2, torch.linalg.solve(X.T @ X + lam * torch.eye(d), X.T @ y))
# 检查 4：L0、L1 都把小系数变成恰好 0；L2 一个都没有
assert (w_l0 == 0).sum() == 4 and (w_l1 == 0).sum() == 3 and (w_l2 != 0).all()
