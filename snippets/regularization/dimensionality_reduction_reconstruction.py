"""最小重构误差推导：投影到前 k 个主方向再映射回去，重构误差（除以 n - 1）
恰好等于丢掉的特征值之和；任何其他 k 维子空间的误差都不会更小。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

n, D = 300, 6
Q = torch.linalg.qr(torch.randn(D, D)).Q  # 随机旋转
X = torch.randn(n, D) * torch.tensor([3.0, 2, 1.5, 1, 0.5, 0.3]) @ Q.T + 5  # 相关、均值不为 0
mu = X.mean(dim=0)
evals, V = torch.linalg.eigh(torch.cov(X.T))
evals, V = evals.flip(0), V.flip(1)  # 降序


def reconstruct(X: torch.Tensor, Vk: torch.Tensor) -> torch.Tensor:
    """编码 z = (x - μ)V_k（k 维），解码 x̂ = μ + z V_kᵀ。"""
    return mu + (X - mu) @ Vk @ Vk.T


errors = []
for k in range(D + 1):
    err = ((X - reconstruct(X, V[:, :k])) ** 2).sum() / (n - 1)
    errors.append(err)
    # 检查 1：重构误差 = 丢掉的特征值之和；保留的方差 + 误差 = 总方差
    torch.testing.assert_close(err, evals[k:].sum())
    kept = (((X - mu) @ V[:, :k]) ** 2).sum() / (n - 1)  # k 个主成分得分的方差之和（均值为 0）
    torch.testing.assert_close(kept + err, evals.sum())
# k = 6 时误差在数学上是 0（算出来是 1e-29 量级的舍入误差），round 后 + 0.0 印成干净的 0
print("k = 0..6 的重构误差：" + " ".join(f"{round(e.item(), 3) + 0.0:.3f}" for e in errors))
# > k = 0..6 的重构误差：16.202 7.895 3.558 1.354 0.364 0.089 0.000

# 检查 2：Eckart–Young：PCA 的重构（中心化数据上）与截断 SVD 的最优秩 k 近似相同
k = 2
U, S, Vh = torch.linalg.svd(X - mu, full_matrices=False)
torch.testing.assert_close(reconstruct(X, V[:, :k]) - mu, U[:, :k] * S[:k] @ Vh[:k])

# 检查 3：1000 个随机的 2 维子空间（QR 得到正交基），重构误差都不小于 PCA 的
Qs = torch.linalg.qr(torch.randn(1000, D, k)).Q  # (1000, D, k)，每个都是正交基
Xc = X - mu
err_random = ((Xc - Xc @ Qs @ Qs.transpose(1, 2)) ** 2).sum(dim=(1, 2)) / (n - 1)
print(
    f"k=2：PCA {errors[k]:.3f}，随机子空间最好 {err_random.min():.3f}，平均 {err_random.mean():.3f}"
)
# > k=2：PCA 3.558，随机子空间最好 4.674，平均 10.780
assert (err_random >= errors[k] - 1e-9).all()
