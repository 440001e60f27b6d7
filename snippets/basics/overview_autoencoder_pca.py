"""无监督的自编码器：训练目标是重构输入本身，不需要标签。
线性自编码器（瓶颈 k 维）的重构误差不可能低于 PCA 保留前 k 个主成分的误差，训练后接近它。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 5 维数据，主要变化集中在一个 2 维子空间里，再加一点噪声
N, D, k = 200, 5, 2
X = torch.randn(N, k) @ torch.randn(k, D) + 0.1 * torch.randn(N, D)

# 线性自编码器：编码器 5 → 2，解码器 2 → 5；损失里的“目标”就是 X 本身
autoencoder = nn.Sequential(nn.Linear(D, k), nn.Linear(k, D))
opt = torch.optim.Adam(autoencoder.parameters(), lr=0.1)
for _ in range(200):
    opt.zero_grad()
    F.mse_loss(autoencoder(X), X).backward()
    opt.step()
with torch.no_grad():
    ae_error = F.mse_loss(autoencoder(X), X).item()

# PCA：中心化后做 SVD；丢掉的奇异值平方和就是最优秩 k 重构的误差（Eckart–Young 定理）
S = torch.linalg.svdvals(X - X.mean(dim=0))
pca_error = (S[k:] ** 2).sum().item() / (N * D)
mean_error = (S**2).sum().item() / (N * D)  # 只用均值重构（k = 0）的误差
print(f"只用均值 {mean_error:.4f}，自编码器 {ae_error:.4f}，PCA {pca_error:.4f}")
# > 只用均值 1.3091，自编码器 0.0061，PCA 0.0061

# 检查：自编码器不可能比最优秩 k 重构更好，训练后与它相差不到 5%，远好于只用均值
assert ae_error >= pca_error * (1 - 1e-9)
assert ae_error < pca_error * 1.05
assert ae_error < mean_error / 50
