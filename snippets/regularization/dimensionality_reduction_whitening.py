"""白化：PCA 白化 z = Λ^(-1/2) Vᵀ(x - μ) 让协方差变成单位矩阵；ZCA 白化再旋转回原坐标，
是所有白化里离原始数据最近的一个。方差很小的方向会被放大 1/√λ 倍（也放大了噪声）。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

n, D = 1000, 4
Q = torch.linalg.qr(torch.randn(D, D)).Q
# 最后一个方向方差很小：设想它主要是噪声
X = torch.randn(n, D) * torch.tensor([3.0, 1.0, 0.5, 0.05]) @ Q.T
Xc = X - X.mean(dim=0)
evals, V = torch.linalg.eigh(torch.cov(Xc.T))

W_pca = torch.diag(evals**-0.5) @ V.T  # PCA 白化矩阵（行向量写法：z = W x）
W_zca = V @ torch.diag(evals**-0.5) @ V.T  # ZCA 白化 = 把 PCA 白化的结果旋转回原坐标
Z_pca, Z_zca = Xc @ W_pca.T, Xc @ W_zca.T
print("各方向被放大的倍数 1/√λ：" + " ".join(f"{v:.1f}" for v in evals**-0.5))
# > 各方向被放大的倍数 1/√λ：21.1 2.0 1.0 0.3

# 检查 1：两种白化后的协方差都是单位矩阵（对照 torch.cov）
torch.testing.assert_close(torch.cov(Z_pca.T), torch.eye(D))
torch.testing.assert_close(torch.cov(Z_zca.T), torch.eye(D))
# 检查 2：ZCA 白化矩阵对称，且 W_zca = C^(-1/2)：平方后等于协方差矩阵的逆
torch.testing.assert_close(W_zca, W_zca.T)
torch.testing.assert_close(W_zca @ W_zca, torch.linalg.inv(torch.cov(Xc.T)))
# 检查 3：任何白化都可以写成 R·W_pca（R 正交）；200 个随机 R 中没有一个比 ZCA 更接近原始数据
R = torch.linalg.qr(torch.randn(200, D, D)).Q
dist_random = ((Xc @ (R @ W_pca).transpose(1, 2) - Xc) ** 2).sum(dim=(1, 2))
assert (dist_random >= ((Z_zca - Xc) ** 2).sum()).all()
