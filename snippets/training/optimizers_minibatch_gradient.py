"""小批量梯度是全量梯度的无偏估计：把数据分成等大的小批量，各批梯度的平均恰好等于全量梯度；
批越大，梯度噪声（方差）越小。"""

import itertools

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

N, d = 8, 3  # 8 个样本的线性回归，损失是均方误差的平均
X = torch.randn(N, d)
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(N)
w = torch.randn(d)  # 当前参数


def grad(idx: list[int]) -> torch.Tensor:
    """在样本 idx 上求 L = mean((Xw - y)^2) 对 w 的梯度：2/B · X_B^T (X_B w - y_B)。"""
    Xb, yb = X[idx], y[idx]
    return 2 / len(idx) * Xb.T @ (Xb @ w - yb)


g_full = grad(list(range(N)))  # 全量梯度（批量梯度下降用它）

# 1) 随机打乱后切成 4 个大小为 2 的小批量，求 4 个梯度的平均
perm = torch.randperm(N).tolist()
g_avg = torch.stack([grad(perm[i : i + 2]) for i in range(0, N, 2)]).mean(dim=0)

# 2) 枚举所有大小为 B 的子集（等概率、不放回抽一个小批量）：算梯度的期望和方差
sigma2 = torch.stack([grad([i]) - g_full for i in range(N)]).pow(2).sum(dim=1).mean()
means, variances = {}, {}
for B in [1, 2, 4, 8]:
    gs = torch.stack([grad(list(s)) for s in itertools.combinations(range(N), B)])
    means[B] = gs.mean(dim=0)
    variances[B] = (gs - g_full).pow(2).sum(dim=1).mean()  # E‖g_B - g‖²
    print(f"B={B}: {len(gs)} 个小批量, 梯度方差 {variances[B].item():.3f}")
# > B=1: 8 个小批量, 梯度方差 58.968
# > B=2: 28 个小批量, 梯度方差 25.272
# > B=4: 70 个小批量, 梯度方差 8.424
# > B=8: 1 个小批量, 梯度方差 0.000

# 检查：手推的梯度公式与 autograd 一致
w_ = w.clone().requires_grad_()
F.mse_loss(X @ w_, y).backward()
torch.testing.assert_close(g_full, w_.grad)
# 检查：等大小批的梯度平均恰好等于全量梯度
torch.testing.assert_close(g_avg, g_full)
for B in [1, 2, 4, 8]:
    # 检查：任何批大小都无偏；方差 = σ²/B · (N-B)/(N-1)（不放回抽样），随 B 增大而减小
    torch.testing.assert_close(means[B], g_full)
    torch.testing.assert_close(variances[B], sigma2 / B * (N - B) / (N - 1))
assert variances[1] > variances[2] > variances[4] > variances[8]
