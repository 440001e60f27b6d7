"""FID：把真实图像和生成图像的特征各拟合成一个高斯分布，算两者的 Fréchet 距离
‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^{1/2})，越小越好。"""

import torch

torch.manual_seed(0)
d = 4  # 特征维数（原方法用 Inception-v3 池化层的 2048 维特征）


def frechet_distance(
    mu1: torch.Tensor, S1: torch.Tensor, mu2: torch.Tensor, S2: torch.Tensor
) -> float:
    # Tr((Σ₁Σ₂)^{1/2}) = Σ √λ，λ 是 Σ₁Σ₂ 的特征值（都是非负实数）
    tr_sqrt = torch.linalg.eigvals(S1 @ S2).real.clamp_min(0).sqrt().sum()
    return ((mu1 - mu2).square().sum() + S1.trace() + S2.trace() - 2 * tr_sqrt).item()


def fid(feat1: torch.Tensor, feat2: torch.Tensor) -> float:
    """feat：N×d，每行是一张图像的特征。"""
    return frechet_distance(feat1.mean(0), feat1.T.cov(), feat2.mean(0), feat2.T.cov())


A = torch.randn(d, d, dtype=torch.float64)
real = torch.randn(500, d, dtype=torch.float64) @ A  # “真实图像”的特征
same = torch.randn(500, d, dtype=torch.float64) @ A  # 同分布的另一批样本
shifted = same + 1.0  # 均值偏了：每一维加 1
# 同一批特征的 FID 数学上是 0，算出来是 ±1e-15 量级的舍入误差：round(…) + 0.0 避免印出 -0.0000
print(f"{round(fid(real, real), 4) + 0.0:.4f} {fid(real, same):.4f} {fid(real, shifted):.4f}")
# > 0.0000 0.1272 4.2942

# 检查：另一种算法：Tr((Σ₁Σ₂)^{1/2}) = Tr((Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2})，后者是对称矩阵
mu1, S1, mu2, S2 = real.mean(0), real.T.cov(), shifted.mean(0), shifted.T.cov()
w, Q = torch.linalg.eigh(S1)
S1_half = Q @ torch.diag(w.sqrt()) @ Q.T
tr_sqrt = torch.linalg.eigvalsh(S1_half @ S2 @ S1_half).clamp_min(0).sqrt().sum()
ref = (mu1 - mu2).square().sum() + S1.trace() + S2.trace() - 2 * tr_sqrt
assert abs(fid(real, shifted) - ref.item()) < 1e-8
# 检查：对角协方差时有闭式解 Σ(μ₁ᵢ − μ₂ᵢ)² + Σ(σ₁ᵢ − σ₂ᵢ)²
m1, m2 = torch.tensor([0.0, 1.0, 2.0], dtype=torch.float64), torch.zeros(3, dtype=torch.float64)
s1, s2 = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), torch.ones(3, dtype=torch.float64)
closed = ((m1 - m2) ** 2).sum() + ((s1 - s2) ** 2).sum()
assert abs(frechet_distance(m1, torch.diag(s1**2), m2, torch.diag(s2**2)) - closed.item()) < 1e-9
# 检查：同一批特征的 FID 为 0；同分布的两批有限样本 FID 略大于 0（有限样本的偏差）
assert abs(fid(real, real)) < 1e-8 and 0 < fid(real, same) < fid(real, shifted)
