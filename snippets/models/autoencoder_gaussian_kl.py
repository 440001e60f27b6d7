"""VAE 的 KL 项有闭式解：KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ (σ² + μ² − 1 − log σ²)，
满协方差时 ½ (tr Σ + μᵀμ − d − log det Σ)。
对照 torch.distributions.kl_divergence 和蒙特卡洛估计。"""

import torch
from torch.distributions import Independent, MultivariateNormal, Normal, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
B, d = 4, 3

# 编码器通常输出 μ 和 log σ²（logvar），保证方差为正
mu, logvar = torch.randn(B, d), torch.randn(B, d)
kl_diag = 0.5 * (logvar.exp() + mu**2 - 1 - logvar).sum(dim=1)

q = Independent(Normal(mu, (0.5 * logvar).exp()), 1)  # 对角高斯，最后一维是事件维度
prior = Independent(Normal(torch.zeros(d), torch.ones(d)), 1)
print("对角：", [f"{v:.3f}" for v in kl_diag])
# > 对角： ['4.404', '1.838', '1.246', '1.701']

# 检查 1：对角情形与 PyTorch 的 KL 一致（逐维 KL 之和）
torch.testing.assert_close(kl_diag, kl_divergence(q, prior))
torch.testing.assert_close(
    kl_diag, kl_divergence(Normal(mu, (0.5 * logvar).exp()), Normal(0.0, 1.0)).sum(1)
)

# 检查 2：满协方差 Σ = LLᵀ
L = torch.tril(torch.randn(d, d), diagonal=-1) + torch.diag(torch.rand(d) + 0.5)
Sigma, m = L @ L.T, torch.randn(d)
kl_full = 0.5 * (torch.trace(Sigma) + m @ m - d - torch.logdet(Sigma))
q_full = MultivariateNormal(m, scale_tril=L)
p_full = MultivariateNormal(torch.zeros(d), torch.eye(d))
print(f"满协方差：{kl_full.item():.4f}")
# > 满协方差：3.2072
torch.testing.assert_close(kl_full, kl_divergence(q_full, p_full))

# 检查 3：蒙特卡洛估计 E_q[log q(z) − log p(z)] 与闭式一致（这也是不用闭式时的估计方法）
z = q_full.sample((200_000,))
mc = q_full.log_prob(z) - p_full.log_prob(z)
assert abs(mc.mean() - kl_full) < 4 * mc.std() / 200_000**0.5

# 检查 4：KL 对 μ、logvar 的梯度（autograd 对照手推）是 μ 和 ½(σ² − 1)：
# 只在 μ = 0、σ = 1（即 q 等于先验）时为零，KL 项把每个 q(z|x) 往先验拉
mu_g, lv_g = mu.clone().requires_grad_(), logvar.clone().requires_grad_()
kl_torch = kl_divergence(Independent(Normal(mu_g, (0.5 * lv_g).exp()), 1), prior).sum()
g_mu, g_lv = torch.autograd.grad(kl_torch, [mu_g, lv_g])
torch.testing.assert_close(g_mu, mu)
torch.testing.assert_close(g_lv, 0.5 * (logvar.exp() - 1))
