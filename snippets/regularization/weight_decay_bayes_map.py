"""贝叶斯解释：高斯似然 + 高斯先验 N(0, τ²) 的最大后验（MAP）= L2 正则，λ = σ²/τ²；
换成拉普拉斯先验 Laplace(0, b) 就是 L1 正则，λ = σ²/b。负对数后验与正则化损失只差常数倍和常数项。"""

import math

import torch
from torch.distributions import Laplace, Normal

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d = 30, 4
sigma, tau, b = 0.5, 0.8, 0.3  # 噪声标准差、高斯先验标准差、拉普拉斯先验尺度
X = torch.randn(n, d)
y = X @ torch.tensor([1.0, -0.5, 0.0, 0.2]) + sigma * torch.randn(n)


def neg_log_post(w: torch.Tensor, prior) -> torch.Tensor:
    """-log p(y | X, w) - log p(w)，全部用 torch.distributions 的 log_prob 计算。"""
    return -Normal(X @ w, sigma).log_prob(y).sum() - prior.log_prob(w).sum()


def data_term(w: torch.Tensor) -> torch.Tensor:
    return 0.5 * ((X @ w - y) ** 2).sum()


lam_l2, lam_l1 = sigma**2 / tau**2, sigma**2 / b
gauss, laplace = Normal(0.0, tau), Laplace(0.0, b)

# 在 5 个随机的 w 上比较：σ²·(负对数后验) - 正则化损失，应该与 w 无关
W = torch.randn(5, d)
gap_l2 = torch.stack(
    [sigma**2 * neg_log_post(w, gauss) - (data_term(w) + lam_l2 / 2 * w @ w) for w in W]
)
gap_l1 = torch.stack(
    [sigma**2 * neg_log_post(w, laplace) - (data_term(w) + lam_l1 * w.abs().sum()) for w in W]
)
print(f"λ_L2 = σ²/τ² = {lam_l2:.4f}，λ_L1 = σ²/b = {lam_l1:.4f}")
# > λ_L2 = σ²/τ² = 0.3906，λ_L1 = σ²/b = 0.8333

# MAP（高斯先验）= 岭回归闭式解；在那里负对数后验的梯度为 0
w_map = torch.linalg.solve(X.T @ X + lam_l2 * torch.eye(d), X.T @ y)
w = w_map.clone().requires_grad_()
neg_log_post(w, gauss).backward()

# 同样方差下比较两个先验：拉普拉斯在 0 处更尖、尾部更厚；但它的样本没有一个恰好为 0
gauss_same_var = Normal(0.0, b * 2**0.5)  # Laplace(0, b) 的方差是 2b²
at = torch.tensor([0.0, 5 * b])
dens_laplace, dens_gauss = laplace.log_prob(at).exp(), gauss_same_var.log_prob(at).exp()
samples = laplace.sample((10000,))

# 检查 1：两种先验下，σ²·(负对数后验) 与对应的正则化损失只差常数（与 w 无关）
torch.testing.assert_close(gap_l2, gap_l2[0].expand(5))
torch.testing.assert_close(gap_l1, gap_l1[0].expand(5))
# 检查 2：常数项就是两个分布的归一化常数
c_lik = n * sigma**2 * math.log(sigma * math.sqrt(2 * math.pi))  # 似然的归一化常数 × σ²
c_gauss = d * sigma**2 * math.log(tau * math.sqrt(2 * math.pi))
c_laplace = d * sigma**2 * math.log(2 * b)
torch.testing.assert_close(gap_l2[0].item(), c_lik + c_gauss)
torch.testing.assert_close(gap_l1[0].item(), c_lik + c_laplace)
# 检查 3：岭回归的解就是 MAP：负对数后验在那里梯度为 0
assert w.grad.abs().max() < 1e-10
# 检查 4：损失按样本取平均（½·mean + (λ'/2)‖w‖²）时，同一个先验对应的系数是 λ' = λ/n
w_mean_form = torch.linalg.solve(X.T @ X / n + lam_l2 / n * torch.eye(d), X.T @ y / n)
torch.testing.assert_close(w_mean_form, w_map)
# 检查 5：拉普拉斯先验在 0 处密度更高、在 5b 处也更高；样本中没有恰好为 0 的
assert (dens_laplace > dens_gauss).all()
assert (samples != 0).all()
