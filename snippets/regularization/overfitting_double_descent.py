"""双下降的最小例子：n = 20 个样本的线性回归，模型只用前 p 个特征，
p > n 时取范数最小的插值解（伪逆）。测试误差随 p 先降后升，在插值阈值 p = n 处冲到峰值，
越过阈值后又降下来；把岭回归的 λ 调好，峰值就消失了。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, D, R, sigma = 20, 100, 300, 0.5  # 样本数、特征总数、重复的训练集个数、噪声标准差
beta = torch.arange(1, D + 1) ** -0.5  # 真实系数：前面的特征强，后面的弱，但每个都有用
beta = beta / beta.norm()
X = torch.randn(R, n, D)  # 特征是独立的标准正态
y = X @ beta + sigma * torch.randn(R, n)
ps = [1, 2, 3, 5, 8, 12, 16, 20, 24, 30, 40, 60, 100]
lams = torch.logspace(-2, 2, 17)


def risk(w: torch.Tensor, p: int) -> torch.Tensor:
    """新样本 x ~ N(0, I) 上的期望平方误差：σ² + ‖β 没用到的部分‖² + ‖ŵ − β 用到的部分‖²。"""
    return sigma**2 + beta[p:].pow(2).sum() + (w - beta[:p]).pow(2).sum(-1)


min_norm, ridge_best, train_res = [], [], []
for p in ps:
    Xp = X[:, :, :p]
    w = (torch.linalg.pinv(Xp) @ y[..., None]).squeeze(-1)  # p ≤ n：最小二乘；p > n：最小范数插值解
    min_norm.append(risk(w, p).median().item())  # 中位数：p = n 时期望是无穷大，平均值毫无意义
    train_res.append((Xp @ w[..., None]).squeeze(-1).sub(y).pow(2).mean().item())
    U, S, Vh = torch.linalg.svd(
        Xp, full_matrices=False
    )  # 岭回归解 V diag(s/(s²+λ)) Uᵀy，一次算所有 λ
    Uy = (U.transpose(1, 2) @ y[..., None]).squeeze(-1)
    w_ridge = (S / (S**2 + lams[:, None, None]) * Uy)[..., None, :] @ Vh  # (λ 个数, R, 1, p)
    ridge_best.append(min(risk(w_ridge.squeeze(-2), p).mean(-1)).item())  # 对每个 p 挑最好的 λ

print("   p  最小范数解  调好 λ 的岭回归")
for p, a, b in zip(ps, min_norm, ridge_best, strict=True):
    print(f"{p:4d}  {a:9.3g}  {b:9.3f}")
# >    p  最小范数解  调好 λ 的岭回归
# >    1       1.08      1.104
# >    2       1.03      1.040
# >    3       1.02      1.009
# >    5       1.03      0.969
# >    8       1.18      0.949
# >   12       1.54      0.937
# >   16       2.71      0.951
# >   20       23.6      0.958
# >   24       2.86      0.970
# >   30       1.64      0.990
# >   40       1.24      1.014
# >   60       1.12      1.049
# >  100       1.11      1.095

mn, rb, res = torch.tensor(min_norm), torch.tensor(ridge_best), torch.tensor(train_res)
k = ps.index(n)
# 检查 1：插值阈值就是 p = n：p ≥ n 时训练误差为 0（插值），p < n 时不为 0
assert (res[k:] < 1e-20).all() and (res[:k] > 1e-3).all()
# 检查 2：风险公式与在 2000 个新样本上直接算的误差一致（p = 8 时，R 个模型一起比）
x_new = torch.randn(2000, D)
y_new = x_new @ beta + sigma * torch.randn(2000)
w8 = (torch.linalg.pinv(X[:, :, :8]) @ y[..., None]).squeeze(-1)
mc = (x_new[:, :8] @ w8.T - y_new[:, None]).pow(2).mean(0)
assert ((mc / risk(w8, 8) - 1).abs() < 0.1).all()
# 检查 3：第一段下降再上升（U 形），在 p = n 处是峰值，比 U 形的最低点高 20 倍以上
assert mn[:k].argmin() not in (0, k - 1) and mn.argmax() == k and mn[k] > 20 * mn[:k].min()
# 检查 4：越过阈值后第二次下降：p 从 n 增加到 D，误差一路下降
assert (mn[k:].diff() < 0).all() and mn[-1] < 0.1 * mn[k]
# 检查 5：对每个 p 选好 λ，峰值消失：p = n 处的误差离最低的不到 10%，
# 还低于最小范数解在 U 形段的最低点
assert rb[k] < 1.1 * rb.min() and rb[k] < mn[:k].min()
# 检查 6：这里调好 λ 后的误差随 p 并不单调：p 从 12 到 100 又升了 0.1 以上（后面的特征太弱，
# 同一个 λ 压不住它们带来的方差）。“调好正则就单调”不是对所有线性回归都成立
assert rb.argmin() not in (0, len(ps) - 1) and rb[-1] > rb.min() + 0.1
