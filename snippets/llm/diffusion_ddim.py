"""DDIM 的一步：先由 x_t 和预测的噪声估计 x̂_0，再走到更早的步 s：
x_s = √ᾱ_s x̂_0 + √(1 − ᾱ_s − σ²) ε_θ + σ z，σ = η·√((1−ᾱ_s)/(1−ᾱ_t))·√(1 − ᾱ_t/ᾱ_s)。
η = 0 时确定：拿到真实噪声，4 步就精确回到 x_0；η = 1 且只走一步时，就是 DDPM 的后验。"""

import itertools

import torch

torch.manual_seed(0)
T = 1000
beta = torch.linspace(1e-4, 0.02, T, dtype=torch.float64)
alpha = 1 - beta
alpha_bar = torch.cumprod(alpha, dim=0)


def ddim_mean_std(x, eps, t, s, eta):
    """从下标 t 走到下标 s（s = −1 表示 x_0）：返回 x_s 的均值和标准差 σ。"""
    x0_hat = (x - torch.sqrt(1 - alpha_bar[t]) * eps) / torch.sqrt(alpha_bar[t])
    ab_s = alpha_bar[s] if s >= 0 else torch.tensor(1.0, dtype=torch.float64)
    sigma = eta * torch.sqrt((1 - ab_s) / (1 - alpha_bar[t]) * (1 - alpha_bar[t] / ab_s))
    return torch.sqrt(ab_s) * x0_hat + torch.sqrt(1 - ab_s - sigma**2) * eps, sigma


# 1. η = 0、用真实的噪声：1000 步的调度只走 4 步（999 → 749 → 499 → 249 → x_0），精确回到 x_0
x_start, noise = torch.randn(5, dtype=torch.float64), torch.randn(5, dtype=torch.float64)
x = torch.sqrt(alpha_bar[999]) * x_start + torch.sqrt(1 - alpha_bar[999]) * noise
for t_now, t_next in itertools.pairwise([999, 749, 499, 249, -1]):
    x, sigma = ddim_mean_std(x, noise, t_now, t_next, eta=0.0)
    assert sigma == 0  # 没有随机项：同一个 x_T 总得到同一个结果
torch.testing.assert_close(x, x_start)
print("DDIM（η = 0）4 步、用真实噪声：回到 x_0")
# > DDIM（η = 0）4 步、用真实噪声：回到 x_0

# 2. η = 1、相邻两步（s = t − 1）：σ² 等于后验方差 β̃_t，均值等于 DDPM 的
#    μ_θ = (x_t − β_t/√(1−ᾱ_t)·ε_θ)/√α_t。ε_θ 取任意值都成立（这里是随机数，不是真实噪声）
xt, eps_theta = torch.randn(5, dtype=torch.float64), torch.randn(5, dtype=torch.float64)
for t in [1, 10, 400, 999]:
    mean, sigma = ddim_mean_std(xt, eps_theta, t, t - 1, eta=1.0)
    beta_tilde = (1 - alpha_bar[t - 1]) / (1 - alpha_bar[t]) * beta[t]
    ddpm_mean = (xt - beta[t] / torch.sqrt(1 - alpha_bar[t]) * eps_theta) / torch.sqrt(alpha[t])
    torch.testing.assert_close(sigma**2, beta_tilde)
    torch.testing.assert_close(mean, ddpm_mean)
print("DDIM（η = 1）走一步：方差是 β̃_t，均值与 DDPM 的一步相同")
# > DDIM（η = 1）走一步：方差是 β̃_t，均值与 DDPM 的一步相同
