"""量纲不同时先标准化：不标准化的 PCA 只看数值大的那一列，换个单位结果就变；
标准化后等于对相关系数矩阵做 PCA，与单位无关。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 身高（米，标准差约 0.1）与体重（千克，标准差约 10），两者相关
n = 500
z = torch.randn(n)
height_m = 1.70 + 0.1 * z
weight_kg = 65 + 10 * (0.6 * z + 0.8 * torch.randn(n))


def pca_first(X: torch.Tensor) -> tuple[torch.Tensor, float]:
    """返回第一主方向和它的解释方差比例。"""
    evals, evecs = torch.linalg.eigh(torch.cov(X.T))
    return evecs[:, -1].abs(), (evals[-1] / evals.sum()).item()


def standardize(X: torch.Tensor) -> torch.Tensor:
    return (X - X.mean(dim=0)) / X.std(dim=0)


for name, X in [
    ("米 + 千克", torch.stack([height_m, weight_kg], dim=1)),
    ("厘米 + 千克", torch.stack([100 * height_m, weight_kg], dim=1)),
]:
    (v, r), (v_std, r_std) = pca_first(X), pca_first(standardize(X))
    print(f"{name}：原始 PC1 = ({v[0]:.3f}, {v[1]:.3f}) 占 {r:.3f}；标准化后 PC1 占 {r_std:.3f}")
# > 米 + 千克：原始 PC1 = (0.006, 1.000) 占 1.000；标准化后 PC1 占 0.812
# > 厘米 + 千克：原始 PC1 = (0.691, 0.723) 占 0.812；标准化后 PC1 占 0.812

X_m = torch.stack([height_m, weight_kg], dim=1)
X_cm = torch.stack([100 * height_m, weight_kg], dim=1)
# 检查 1：不标准化时，换单位会改变第一主方向
assert (pca_first(X_m)[0] - pca_first(X_cm)[0]).abs().max() > 0.3
# 检查 2：标准化后的协方差矩阵就是相关系数矩阵（torch.corrcoef），与单位无关
torch.testing.assert_close(torch.cov(standardize(X_m).T), torch.corrcoef(X_m.T))
torch.testing.assert_close(torch.corrcoef(X_m.T), torch.corrcoef(X_cm.T))
# 检查 3：两个变量时，相关系数矩阵的特征值是 1 ± r，主方向是 (1, 1)/√2
r = torch.corrcoef(X_m.T)[0, 1]
evals, evecs = torch.linalg.eigh(torch.corrcoef(X_m.T))
torch.testing.assert_close(evals, torch.stack([1 - r, 1 + r]))
torch.testing.assert_close(evecs[:, -1].abs(), torch.full((2,), 2**-0.5))
