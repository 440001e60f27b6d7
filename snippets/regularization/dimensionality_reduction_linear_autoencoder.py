"""线性自编码器（k 维瓶颈、MSE 损失）学到的是 PCA 的前 k 维子空间：两个子空间的主角度接近 0；
但它的权重不一定是正交的主方向本身，只是张成同一个子空间。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

n, D, k = 500, 8, 2
Q = torch.linalg.qr(torch.randn(D, D)).Q
scales = torch.tensor([3.0, 2.0, 0.5, 0.4, 0.3, 0.2, 0.2, 0.1])  # 前两个方向方差明显更大
X = torch.randn(n, D) * scales @ Q.T
X = X - X.mean(dim=0)  # 先中心化（也可以让网络的偏置去学均值）

# PCA：前 k 个主方向
evals, evecs = torch.linalg.eigh(torch.cov(X.T))
V_k = evecs[:, -k:]

# 线性自编码器：编码器 D → k，解码器 k → D，不加激活函数
encoder, decoder = nn.Linear(D, k, bias=False), nn.Linear(k, D, bias=False)
opt = torch.optim.Adam([*encoder.parameters(), *decoder.parameters()], lr=0.02)
for _ in range(300):
    opt.zero_grad()
    F.mse_loss(decoder(encoder(X)), X).backward()
    opt.step()

W_dec = decoder.weight.detach()  # (D, k)：重构 x̂ = W_dec z，x̂ 总落在它的列空间里
Q_ae = torch.linalg.qr(W_dec).Q  # 列空间的一组正交基
cos_angles = torch.linalg.svdvals(Q_ae.T @ V_k)  # 主角度的余弦
angles = torch.rad2deg(torch.acos(cos_angles.clamp(max=1)))
print("主角度（度）：" + " ".join(f"{a:.3f}" for a in angles))
# > 主角度（度）：0.002 0.036
with torch.no_grad():
    ae_err = F.mse_loss(decoder(encoder(X)), X).item()
pca_err = F.mse_loss(X @ V_k @ V_k.T, X).item()
print(f"重构 MSE：自编码器 {ae_err:.4f}，PCA {pca_err:.4f}")
# > 重构 MSE：自编码器 0.0720，PCA 0.0720

# 检查 1：两个 k 维子空间几乎重合（主角度都小于 3 度），重构误差相差不到 2%
assert (cos_angles > torch.cos(torch.deg2rad(torch.tensor(3.0)))).all()
assert pca_err <= ae_err < 1.02 * pca_err
# 检查 2：但解码器的列不是单位正交的（WᵀW ≠ I），单独一列也不一定是某个主方向
assert (W_dec.T @ W_dec - torch.eye(k)).abs().max() > 0.1
