"""反向一步的目标：后验 q(x_{t−1} | x_t, x_0) 的均值和方差（DDPM 的闭式），与一维网格上
按贝叶斯公式数值算出的后验对比；用噪声 ε 表示的同一个均值；变分下界里每一步的 KL 项
（torch.distributions 算）正比于 ‖ε − ε_θ‖²，以及它的权重随 t 怎样变化。"""

import torch
from torch.distributions import Normal, kl_divergence

T = 1000
beta = torch.linspace(1e-4, 0.02, T, dtype=torch.float64)  # 下标从 0 数：beta[t − 1] 是 β_t
alpha = 1 - beta
alpha_bar = torch.cumprod(alpha, dim=0)

i, x0, xt = 400, 0.8, 0.3  # 第 t = 401 步（数组下标 400），已知 x_0 和 x_t
ab_t, ab_prev = alpha_bar[i], alpha_bar[i - 1]
mean = (torch.sqrt(ab_prev) * beta[i] * x0 + torch.sqrt(alpha[i]) * (1 - ab_prev) * xt) / (1 - ab_t)
var = (1 - ab_prev) / (1 - ab_t) * beta[i]  # β̃_t

# 贝叶斯：q(x_{t−1} | x_t, x_0) ∝ q(x_t | x_{t−1}) · q(x_{t−1} | x_0)，在细网格上数值归一化
grid = torch.linspace(-3, 3, 200_001, dtype=torch.float64)
log_prior = -((grid - torch.sqrt(ab_prev) * x0) ** 2) / (2 * (1 - ab_prev))
log_lik = -((xt - torch.sqrt(alpha[i]) * grid) ** 2) / (2 * beta[i])
w = torch.softmax(log_prior + log_lik, dim=0)
grid_mean = (w * grid).sum()
grid_var = (w * (grid - grid_mean) ** 2).sum()
torch.testing.assert_close(grid_mean, mean, rtol=0, atol=1e-8)
torch.testing.assert_close(grid_var, var, rtol=1e-6, atol=0)
print(f"后验均值 {mean.item():.4f}，方差 β̃_t = {var.item():.6f}（β_t = {beta[i].item():.6f}）")
# > 后验均值 0.3017，方差 β̃_t = 0.008052（β_t = 0.008068）

# 同一个均值用噪声表示：x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε  ⇒  μ̃ = (x_t − β_t/√(1−ᾱ_t) · ε) / √α_t
eps = (xt - torch.sqrt(ab_t) * x0) / torch.sqrt(1 - ab_t)
torch.testing.assert_close((xt - beta[i] / torch.sqrt(1 - ab_t) * eps) / torch.sqrt(alpha[i]), mean)

# 变分下界的第 t 项 KL(q(x_{t−1}|x_t,x_0) ‖ p_θ(x_{t−1}|x_t))，p_θ 的均值用 ε_θ 按同一个式子算，
# 方差固定为 σ_t² = β_t。它减去 ε_θ = ε 时的值（只剩方差不同带来的常数），
# 正好是 β_t² / (2σ_t² α_t (1−ᾱ_t)) · (ε − ε_θ)²。在几个 t 上、对几个“网络输出”核对
weights = beta / (2 * alpha * (1 - alpha_bar))  # σ_t² = β_t 代入后的权重
for j in [1, 9, 400, 999]:  # t = 2, 10, 401, 1000
    ab_j, ab_jm1 = alpha_bar[j], alpha_bar[j - 1]
    post_mean = (torch.sqrt(ab_jm1) * beta[j] * x0 + torch.sqrt(alpha[j]) * (1 - ab_jm1) * xt) / (
        1 - ab_j
    )
    posterior = Normal(post_mean, torch.sqrt((1 - ab_jm1) / (1 - ab_j) * beta[j]))
    eps_j = (xt - torch.sqrt(ab_j) * x0) / torch.sqrt(1 - ab_j)
    kl_best = kl_divergence(posterior, Normal(post_mean, torch.sqrt(beta[j])))
    for eps_theta in [eps_j + 0.3, eps_j - 1.0, eps_j + 2.5]:
        mu_theta = (xt - beta[j] / torch.sqrt(1 - ab_j) * eps_theta) / torch.sqrt(alpha[j])
        kl = kl_divergence(posterior, Normal(mu_theta, torch.sqrt(beta[j])))
        torch.testing.assert_close(kl - kl_best, weights[j] * (eps_j - eps_theta) ** 2)

# 这个权重随 t 变化很大：t 小（噪声小）的项权重高得多。L_simple 把它统一换成 1。
# （t = 1 的项不是 KL，而是解码器项 −log p_θ(x_0 | x_1)，所以从 t = 2 看起）
for t in [2, 10, 100, 1000]:
    print(f"t = {t:4d}：KL 项里 (ε − ε_θ)² 的权重 {weights[t - 1].item():.2g}")
print(f"t = 2 与 t = T 的权重之比：{(weights[1] / weights[-1]).item():.0f}")
# > t =    2：KL 项里 (ε − ε_θ)² 的权重 0.27
# > t =   10：KL 项里 (ε − ε_θ)² 的权重 0.074
# > t =  100：KL 项里 (ε − ε_θ)² 的权重 0.01
# > t = 1000：KL 项里 (ε − ε_θ)² 的权重 0.01
# > t = 2 与 t = T 的权重之比：27
# t ≥ 100 以后，权重都在 0.0045 到 0.011 之间（先降到约 0.005，再回到约 0.01）
assert 0.0045 < weights[99:].min() < 0.0055 and 0.0095 < weights[99:].max() < 0.011
