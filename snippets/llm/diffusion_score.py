"""噪声预测与得分（score）：最优的噪声预测 E[ε | x_t] = −√(1−ᾱ_t) · ∇ log q(x_t)。
数据取一维高斯 N(1, 0.5²)，这时 q(x_t) 也是高斯，得分由 autograd 对 log_prob 求导得到；
E[ε | x_t] 由 20 万个 (x_t, ε) 样本做最小二乘回归估计（高斯时它是 x_t 的线性函数）。"""

import torch
from torch.distributions import Normal

torch.manual_seed(0)
T = 1000
alpha_bar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, T, dtype=torch.float64), dim=0)
mu, s, t = 1.0, 0.5, 300
ab = alpha_bar[t]

# 前向加噪得到 (x_t, ε) 对
n = 200_000
x0 = mu + s * torch.randn(n, dtype=torch.float64)
eps = torch.randn(n, dtype=torch.float64)
xt = torch.sqrt(ab) * x0 + torch.sqrt(1 - ab) * eps

# 回归 ε ≈ a·x_t + b：最小化 E‖ε − ε_θ(x_t)‖² 的最优线性预测（去噪的目标函数）
design = torch.stack([xt, torch.ones_like(xt)], dim=1)
a, b = torch.linalg.lstsq(design, eps.unsqueeze(1)).solution.squeeze(1)

# 得分：q(x_t) = N(√ᾱ μ, ᾱ s² + 1 − ᾱ)，对 log_prob 求导
marginal = Normal(torch.sqrt(ab) * mu, torch.sqrt(ab * s**2 + 1 - ab))
probe = torch.tensor([-1.0, 0.0, 0.5, 2.0], dtype=torch.float64, requires_grad=True)
(score,) = torch.autograd.grad(marginal.log_prob(probe).sum(), probe)
from_score = -torch.sqrt(1 - ab) * score
regressed = a * probe.detach() + b
torch.testing.assert_close(regressed, from_score, rtol=0, atol=0.02)
assert (regressed + from_score).abs().max() > 0.2  # 符号反了就对不上
assert (regressed + score).abs().max() > 0.2  # 漏掉系数 √(1−ᾱ_t) 也对不上
print("x_t:", probe.detach().tolist())
print("−√(1−ᾱ)·得分:", [round(v, 2) for v in from_score.tolist()])
print("回归估计的 E[ε|x_t] 与它相差都不到 0.02")
# > x_t: [-1.0, 0.0, 0.5, 2.0]
# > −√(1−ᾱ)·得分: [-1.8, -0.69, -0.14, 1.52]
# > 回归估计的 E[ε|x_t] 与它相差都不到 0.02
