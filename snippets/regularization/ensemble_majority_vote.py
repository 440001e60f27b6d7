"""M 个相互独立、准确率都是 p 的分类器做多数投票：准确率是二项分布的尾概率。
p > 0.5 时随 M 增大趋于 1，p < 0.5 时趋于 0；分类器完全相关时投票没有收益。"""

import math

import torch
from torch.distributions import Binomial, Normal

torch.manual_seed(0)


def vote_acc(p: float, M: int) -> float:
    """M 为奇数：投对的个数 K ~ Binomial(M, p)，多数投票正确 ⇔ K ≥ (M + 1) / 2。"""
    k = torch.arange((M + 1) // 2, M + 1, dtype=torch.float64)
    return Binomial(M, torch.tensor(p, dtype=torch.float64)).log_prob(k).exp().sum().item()


Ms = (1, 3, 5, 11, 25, 101)
for p in (0.6, 0.4):
    print(f"p={p}: " + " ".join(f"{vote_acc(p, M):.3f}" for M in Ms))
# > p=0.6: 0.600 0.648 0.683 0.753 0.846 0.979
# > p=0.4: 0.400 0.352 0.317 0.247 0.154 0.021

# 检查 1：与直接按组合数求和的闭式一致
for p in (0.55, 0.6, 0.8):
    for M in Ms:
        exact = sum(math.comb(M, k) * p**k * (1 - p) ** (M - k) for k in range((M + 1) // 2, M + 1))
        assert abs(vote_acc(p, M) - exact) < 1e-10

# 检查 2：p > 0.5 时随 M 单调上升，p < 0.5 时单调下降（越投越差）
acc_good = [vote_acc(0.6, M) for M in Ms]
acc_bad = [vote_acc(0.4, M) for M in Ms]
assert (torch.tensor(acc_good).diff() > 0).all()
assert (torch.tensor(acc_bad).diff() < 0).all()

# 检查 3（模拟）：10 万个样本，11 个独立分类器各以概率 0.6 答对，投票准确率与公式相差 < 0.005
M, p, n = 11, 0.6, 100_000
correct = torch.rand(n, M) < p  # correct[i, m]：第 m 个分类器在第 i 个样本上是否答对
sim = (correct.sum(dim=1) > M // 2).float().mean().item()
assert abs(sim - vote_acc(p, M)) < 0.005

# 检查 4：错误相关时收益缩水。第 m 个分类器答对 ⇔ √ρ·z₀ + √(1-ρ)·z_m < Φ⁻¹(p)（z₀ 为共有误差），
# 单个仍以概率 p 答对，但投票准确率随 ρ 下降、ρ → 1 时回到 p。对 z₀ 数值积分得到精确值，再与模拟对照
std = Normal(torch.tensor(0.0, dtype=torch.float64), torch.tensor(1.0, dtype=torch.float64))
thr = std.icdf(torch.tensor(p, dtype=torch.float64))


def vote_acc_corr(rho: float) -> float:
    """给定共有误差 z₀，各分类器条件独立，答对概率 p(z₀)；对 z₀ 的标准正态密度积分。"""
    z0 = torch.linspace(-8, 8, 4001, dtype=torch.float64)
    p_z0 = std.cdf((thr - rho**0.5 * z0) / (1 - rho) ** 0.5)
    k = torch.arange((M + 1) // 2, M + 1, dtype=torch.float64)
    tail = Binomial(M, p_z0[:, None]).log_prob(k).exp().sum(dim=1)
    return torch.trapezoid(tail * std.log_prob(z0).exp(), z0).item()


rhos = (0.0, 0.2, 0.5, 0.8, 0.999)
acc_corr = [vote_acc_corr(rho) for rho in rhos]
print(
    "11 个 p=0.6 的分类器，潜在误差相关系数 0/0.2/0.5/0.8："
    + " ".join(f"{a:.3f}" for a in acc_corr[:4])
)
# > 11 个 p=0.6 的分类器，潜在误差相关系数 0/0.2/0.5/0.8：0.753 0.676 0.632 0.610
assert abs(acc_corr[0] - vote_acc(p, M)) < 1e-6  # ρ = 0 就是独立情形的二项尾概率
assert (torch.tensor(acc_corr).diff() < 0).all() and abs(acc_corr[-1] - p) < 0.005
for rho, a in zip(rhos[1:4], acc_corr[1:4], strict=True):
    z = rho**0.5 * torch.randn(n, 1, dtype=torch.float64)
    z = z + (1 - rho) ** 0.5 * torch.randn(n, M, dtype=torch.float64)
    correct = z < thr
    assert abs(correct.double().mean().item() - p) < 0.005  # 单个分类器仍以概率 p 答对
    assert abs((correct.sum(dim=1) > M // 2).double().mean().item() - a) < 0.005
