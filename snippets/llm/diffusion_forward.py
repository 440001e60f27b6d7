"""DDPM 的前向加噪：q(x_t | x_{t-1}) = N(√(1−β_t) x_{t−1}, β_t)。
闭式 q(x_t | x_0) = N(√ᾱ_t x_0, 1 − ᾱ_t)，ᾱ_t = ∏(1 − β_s)。两种核对：均值、方差的逐步递推
（精确），以及真的一步步加噪（20 万个样本）。"""

import torch

torch.manual_seed(0)
T = 1000
beta = torch.linspace(1e-4, 0.02, T, dtype=torch.float64)  # Ho 等（2020）的线性调度
alpha_bar = torch.cumprod(1 - beta, dim=0)

# 1. 精确递推：x_0 固定时，mean_t = √(1−β_t)·mean_{t−1}，var_t = (1−β_t)·var_{t−1} + β_t
x0 = 1.5
mean, var = torch.tensor(x0, dtype=torch.float64), torch.tensor(0.0, dtype=torch.float64)
for t in range(T):
    mean, var = torch.sqrt(1 - beta[t]) * mean, (1 - beta[t]) * var + beta[t]
    if t in (0, 99, 499, 999):
        torch.testing.assert_close(mean, torch.sqrt(alpha_bar[t]) * x0)
        torch.testing.assert_close(var, 1 - alpha_bar[t])

# 2. 模拟：20 万条链各走 t 步，样本均值、方差与闭式相差不到 5 个标准误。
#    标准误：均值 √((1−ᾱ)/n) ≈ 0.0017，方差（高斯样本）(1−ᾱ)·√(2/n) ≈ 0.0019；
#    差 5 个标准误以上的概率不到百万分之一
n, t_check = 200_000, 300
x = torch.full((n,), x0, dtype=torch.float64)
for t in range(t_check):
    x = torch.sqrt(1 - beta[t]) * x + torch.sqrt(beta[t]) * torch.randn(n, dtype=torch.float64)
ab = alpha_bar[t_check - 1]
mean_err = (x.mean() - torch.sqrt(ab) * x0).abs() / torch.sqrt((1 - ab) / n)
var_err = (x.var() - (1 - ab)).abs() / ((1 - ab) * (2 / n) ** 0.5)
assert mean_err < 5 and var_err < 5
# 常见的写错：均值用 ᾱ_t 而不是 √ᾱ_t，差了几百个标准误
wrong = (x.mean() - ab * x0).abs() / torch.sqrt((1 - ab) / n)
assert wrong > 50
# 另一种写错：只加噪不缩放（x_t = x_{t−1} + √β_t ε），均值停在 x_0、方差是 Σβ_s，也差得很远
no_shrink_mean = (x.mean() - x0).abs() / torch.sqrt((1 - ab) / n)
no_shrink_var = (x.var() - beta[:t_check].sum()).abs() / ((1 - ab) * (2 / n) ** 0.5)
assert no_shrink_mean > 50 and no_shrink_var > 50
print(f"t = {t_check}：√ᾱ_t = {torch.sqrt(ab).item():.3f}，1 − ᾱ_t = {(1 - ab).item():.3f}")
# > t = 300：√ᾱ_t = 0.630，1 − ᾱ_t = 0.604
print(f"t = T：ᾱ_T = {alpha_bar[-1].item():.1e}（x_T 几乎就是标准正态噪声）")
# > t = T：ᾱ_T = 4.0e-05（x_T 几乎就是标准正态噪声）
signal, noise = torch.sqrt(alpha_bar[-1]).item(), torch.sqrt(1 - alpha_bar[-1]).item()
print(f"x_T = {signal:.4f}·x_0 + {noise:.5f}·ε")
# > x_T = 0.0064·x_0 + 0.99998·ε
