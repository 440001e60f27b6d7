"""不中心化直接做 SVD，第一个“主方向”会指向数据的均值，而不是方差最大的方向。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 二维数据：沿 (1, -1) 方向标准差 2，沿 (1, 1) 方向只有 0.3；中心在 (5, 5)
n = 500
e_big = torch.tensor([1.0, -1.0]) / 2**0.5  # 真正方差最大的方向
e_small = torch.tensor([1.0, 1.0]) / 2**0.5
X = 2.0 * torch.randn(n, 1) * e_big + 0.3 * torch.randn(n, 1) * e_small + torch.tensor([5.0, 5.0])

v_centered = torch.linalg.svd(X - X.mean(dim=0)).Vh[0]  # 正确：先减均值
v_raw = torch.linalg.svd(X).Vh[0]  # 错误：直接对原始数据做 SVD
cos = lambda a, b: (a @ b).abs().item()  # noqa: E731  两个单位向量夹角的 |cos|
print(f"中心化：与真实主方向的 |cos| = {cos(v_centered, e_big):.3f}")
# > 中心化：与真实主方向的 |cos| = 1.000
print(f"不中心化：与真实主方向 {cos(v_raw, e_big):.3f}，与均值方向 {cos(v_raw, e_small):.3f}")
# > 不中心化：与真实主方向 0.012，与均值方向 1.000

# 检查 1：中心化后找到的正是方差最大的方向；不中心化找到的几乎与它垂直，指向均值
assert cos(v_centered, e_big) > 0.99
assert cos(v_raw, e_big) < 0.1 and cos(v_raw, e_small) > 0.99
# 检查 2：原因：不中心化时分解的是二阶矩矩阵 XᵀX/(n-1) = C + n/(n-1)·μμᵀ，均值项占了主导
mu = X.mean(dim=0)
torch.testing.assert_close(X.T @ X / (n - 1), torch.cov(X.T) + n / (n - 1) * torch.outer(mu, mu))
