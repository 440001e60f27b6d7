"""PCA 的两种算法：协方差矩阵的特征分解（eigh）与中心化数据的 SVD。主方向相同（差一个符号），
特征值 = 奇异值² / (n - 1)；再对照 torch.pca_lowrank，并按累计解释方差 ≥ 95% 选 k；
最后说明 SVD 比构造 XᵀX 再做特征分解数值上更稳。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 500 个 6 维样本：各方向的真实方差为 8, 4, 1, 0.5, 0.2, 0.1，再随机旋转、整体平移
n, D = 500, 6
Q, _ = torch.linalg.qr(torch.randn(D, D))  # 随机正交矩阵
X = torch.randn(n, D) * torch.tensor([8, 4, 1, 0.5, 0.2, 0.1]).sqrt() @ Q.T + 3.0

# 方法一：中心化 → 协方差矩阵 → 特征分解（eigh 返回升序，翻转成降序）
mu = X.mean(dim=0)
Xc = X - mu
C = Xc.T @ Xc / (n - 1)
evals, evecs = torch.linalg.eigh(C)
evals, V_eig = evals.flip(0), evecs.flip(1)  # 第 j 列是第 j 个主方向

# 方法二：中心化数据直接做 SVD：Xc = U diag(S) Vᵀ，V 的列就是主方向
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
V_svd = Vh.T

ratio = evals / evals.sum()  # 解释方差比例
cum = ratio.cumsum(0)
k = int((cum < 0.95).sum()) + 1  # 累计解释方差第一次 ≥ 95% 的 k
print("特征值：" + " ".join(f"{v:.3f}" for v in evals))
# > 特征值：7.765 3.952 0.995 0.484 0.218 0.109
print("累计解释方差：" + " ".join(f"{v:.3f}" for v in cum))
# > 累计解释方差：0.574 0.867 0.940 0.976 0.992 1.000
print(f"保留 95% 方差需要 k = {k}")
# > 保留 95% 方差需要 k = 4

# 检查 1：协方差矩阵与 torch.cov 一致（torch.cov 的输入每行是一个变量，所以转置）
torch.testing.assert_close(C, torch.cov(X.T))
# 检查 2：特征值 = 奇异值² / (n - 1)；主方向相同，只差每列一个 ±1 的符号
torch.testing.assert_close(evals, S**2 / (n - 1))
signs = torch.sign((V_eig * V_svd).sum(dim=0))
torch.testing.assert_close(V_eig, V_svd * signs)
# 检查 3：主成分得分 Z = Xc V = U diag(S)；各主成分互不相关，方差就是特征值
Z = Xc @ V_svd
torch.testing.assert_close(Z, U * S)
torch.testing.assert_close(torch.cov(Z.T), torch.diag(evals))
# 检查 4：torch.pca_lowrank（随机化算法，独立实现）给出同样的特征值和主方向（差符号）
U_lr, S_lr, V_lr = torch.pca_lowrank(X, q=D, center=True, niter=4)
torch.testing.assert_close(S_lr**2 / (n - 1), evals)
torch.testing.assert_close(V_lr * torch.sign((V_lr * V_eig).sum(dim=0)), V_eig)
# 检查 5：k 的选择确实是满足“累计 ≥ 95%”的最小值
assert cum[k - 1] >= 0.95 and cum[k - 2] < 0.95
# 检查 6：数值稳定性。构造奇异值已知的中心化数据（1 到 1e-9），构造 XᵀX 会把条件数平方：
# 最小的特征值 1e-18 远小于 1e-16 量级的舍入误差，eigh(XᵀX) 把它算丢了，SVD 仍然准确
U0 = torch.linalg.qr(torch.randn(n, D)).Q
s_true = torch.tensor([1.0, 0.5, 0.1, 1e-3, 1e-6, 1e-9])
X_ill = U0 * s_true @ Q.T
rel_err_svd = (torch.linalg.svdvals(X_ill) - s_true).abs() / s_true
lam_ill = torch.linalg.eigvalsh(X_ill.T @ X_ill).flip(0).clamp(min=0)
rel_err_eig = (lam_ill.sqrt() - s_true).abs() / s_true
assert (rel_err_svd < 1e-6).all()  # SVD：最小的奇异值 1e-9 也有 6 位以上有效数字
assert rel_err_eig[-1] > 0.5  # 经过 XᵀX：1e-9 这个奇异值完全丢失
