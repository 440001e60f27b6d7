"""PCA 是线性的：落在一条曲线上的数据（本质上 1 维）也降不到 1 维。圆周上的点两个主成分方差相同；
一段圆弧，1 维 PCA 的重构误差远大于一个瓶颈只有 1 维的非线性自编码器。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def pca_1d_error(X: torch.Tensor) -> tuple[float, float]:
    """返回第一主成分的解释方差比例，以及只保留它时的重构 MSE。"""
    Xc = X - X.mean(dim=0)
    evals, evecs = torch.linalg.eigh(torch.cov(Xc.T))
    v = evecs[:, -1:]
    return (evals[-1] / evals.sum()).item(), F.mse_loss(Xc @ v @ v.T, Xc).item()


# 1) 整个圆周：均匀分布的角度 θ，一个数就能描述一个点
theta = torch.linspace(0, 2 * torch.pi, 1001)[:-1]
circle = torch.stack([theta.cos(), theta.sin()], dim=1)
ratio_circle, _ = pca_1d_error(circle)
# 非线性的 1 维编码 θ = atan2(y, x)，解码 (cos θ, sin θ)：重构没有误差
angle = torch.atan2(circle[:, 1], circle[:, 0])  # 编码：每个点只留一个数
decoded = torch.stack([angle.cos(), angle.sin()], dim=1)  # 解码

# 2) 四分之三圆弧加一点噪声：比较 1 维 PCA 与 2-32-1-32-2 的非线性自编码器
n = 300
t = torch.rand(n) * 1.5 * torch.pi
X = torch.stack([t.cos(), t.sin()], dim=1) + 0.02 * torch.randn(n, 2)
X = X - X.mean(dim=0)
ratio_arc, pca_err = pca_1d_error(X)
encoder = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 1))  # 瓶颈：1 个数
decoder = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 2))
opt = torch.optim.Adam([*encoder.parameters(), *decoder.parameters()], lr=0.01)
for _ in range(400):
    opt.zero_grad()
    F.mse_loss(decoder(encoder(X)), X).backward()
    opt.step()
with torch.no_grad():
    ae_err = F.mse_loss(decoder(encoder(X)), X).item()
print(f"圆周：PC1 只解释 {ratio_circle:.3f} 的方差")
# > 圆周：PC1 只解释 0.500 的方差
print(f"圆弧：PC1 解释 {ratio_arc:.3f}；1 维重构 MSE：PCA {pca_err:.4f}，自编码器 {ae_err:.4f}")
# > 圆弧：PC1 解释 0.676；1 维重构 MSE：PCA 0.1455，自编码器 0.0010

# 检查 1：圆周的协方差是 ½I，两个特征值相等，1 维 PCA 只能保留一半方差
torch.testing.assert_close(torch.cov(circle.T, correction=0), 0.5 * torch.eye(2))
assert abs(ratio_circle - 0.5) < 1e-9
# 检查 2：非线性的 1 维坐标（角度）可以无误差地重构圆周
torch.testing.assert_close(decoded, circle)
# 检查 3：圆弧上，1 维瓶颈的非线性自编码器的重构误差不到 1 维 PCA 的 1/100
assert ae_err < 0.01 * pca_err
