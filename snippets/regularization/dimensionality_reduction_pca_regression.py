"""PCA 与过拟合：先降维再回归，可以减少参数、降低方差（特征多、样本少时有用）；
但 PCA 不看标签 y，可能恰好丢掉预测 y 的那个方差很小的方向。
岭回归是主成分回归的“软”版本：按方向的方差连续地收缩，而不是硬性保留或丢掉。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def fit_predict(X: torch.Tensor, y: torch.Tensor, X_new: torch.Tensor) -> torch.Tensor:
    """带截距的最小二乘线性回归。"""
    ones = lambda A: torch.cat([torch.ones(len(A), 1), A], dim=1)  # noqa: E731
    beta = torch.linalg.lstsq(ones(X), y[:, None]).solution
    return (ones(X_new) @ beta).squeeze(1)


def pca_fit(X: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """只在训练集上求均值和前 k 个主方向。"""
    mu = X.mean(dim=0)
    return mu, torch.linalg.eigh(torch.cov(X.T)).eigenvectors[:, -k:]


def r2(y: torch.Tensor, pred: torch.Tensor) -> float:
    return (1 - ((y - pred) ** 2).sum() / ((y - y.mean()) ** 2).sum()).item()


def experiment(seed: int) -> dict:
    """两种情形各做一次，返回测试 R²；情形 1 的训练数据留给检查 3。"""
    torch.manual_seed(seed)
    # 情形 1（PCA 有帮助）：25 个特征都是 2 个潜在因子的带噪线性组合，只有 30 个训练样本
    A = torch.randn(2, 25)  # 因子载荷

    def make1(n: int) -> tuple[torch.Tensor, torch.Tensor]:
        h = torch.randn(n, 2)  # 潜在因子
        return h @ A + 1.0 * torch.randn(n, 25), h.sum(dim=1) + 0.3 * torch.randn(n)

    (X1, y1), (X1_test, y1_test) = make1(30), make1(2000)
    mu, V = pca_fit(X1, k=2)
    r2_full1 = r2(y1_test, fit_predict(X1, y1, X1_test))  # 26 个参数拟合 30 个点
    r2_pca1 = r2(y1_test, fit_predict((X1 - mu) @ V, y1, (X1_test - mu) @ V))  # 3 个参数

    # 情形 2（PCA 有害）：x₁ 方差很大但与 y 无关，x₂ 方差很小却决定 y
    def make2(n: int) -> tuple[torch.Tensor, torch.Tensor]:
        X = torch.randn(n, 2) * torch.tensor([10.0, 0.5])
        return X, 3 * X[:, 1] + 0.1 * torch.randn(n)

    (X2, y2), (X2_test, y2_test) = make2(200), make2(2000)
    mu, V = pca_fit(X2, k=1)  # 保留 1 个主成分：方差 99.75% 都在 x₁ 上，保留的就是 x₁
    r2_full2 = r2(y2_test, fit_predict(X2, y2, X2_test))
    r2_pca2 = r2(y2_test, fit_predict((X2 - mu) @ V, y2, (X2_test - mu) @ V))
    cos_x1 = V[:, 0].abs()[0].item()  # 保留的方向与 x₁ 轴夹角的 |cos|
    return dict(
        full1=r2_full1, pca1=r2_pca1, full2=r2_full2, pca2=r2_pca2, cos_x1=cos_x1, X1=X1, y1=y1
    )


runs = [experiment(seed) for seed in range(5)]  # 一个种子说明不了问题：5 个种子各做一遍
r = runs[0]
print(f"情形 1 测试 R²：全部 25 个特征 {r['full1']:.3f}，PCA 到 2 维 {r['pca1']:.3f}")
# > 情形 1 测试 R²：全部 25 个特征 0.595，PCA 到 2 维 0.923
print(f"情形 2 测试 R²：全部 2 个特征 {r['full2']:.3f}，PCA 到 1 维 {r['pca2']:.3f}")
# > 情形 2 测试 R²：全部 2 个特征 0.996，PCA 到 1 维 -0.013

for r in runs:  # 以下两项检查在 5 个种子下都要成立
    # 检查 1：情形 1 中降维后测试 R² 明显更高（少了 23 个要估计的系数，方差小得多）
    assert r["pca1"] > r["full1"] + 0.2
    # 检查 2：情形 2 中 PCA 保留的方向几乎就是 x₁ 轴，预测 y 的 x₂ 被丢掉，R² 接近 0
    assert r["cos_x1"] > 0.99
    assert r["full2"] > 0.99 and r["pca2"] < 0.05

# 检查 3：主成分回归（PCR）与岭回归的关系。中心化后 X = U diag(s) Vᵀ，训练集上的拟合值：
# PCR 只保留前 k 个方向（系数 1 或 0），岭回归把第 j 个方向按 s_j² / (s_j² + λ) 连续地收缩
X1, y1 = runs[0]["X1"], runs[0]["y1"]
Xc, yc = X1 - X1.mean(dim=0), y1 - y1.mean()
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
lam = 10.0
ridge_fit = Xc @ torch.linalg.solve(Xc.T @ Xc + lam * torch.eye(25), Xc.T @ yc)
torch.testing.assert_close(ridge_fit, U @ (S**2 / (S**2 + lam) * (U.T @ yc)))
pcr_fit = fit_predict(Xc @ Vh[:2].T, yc, Xc @ Vh[:2].T)
torch.testing.assert_close(pcr_fit, U[:, :2] @ (U[:, :2].T @ yc))
