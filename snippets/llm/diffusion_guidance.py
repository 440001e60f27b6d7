"""无分类器引导（CFG）：ε̃ = (1 + w)·ε(x_t, c) − w·ε(x_t)。一维玩具：两类数据 N(−2, 0.5²)、N(2, 0.5²)
各占一半，加噪后的分布和得分都有闭式。核对：(1) 它与另一种写法 ε_u + s(ε_c − ε_u) 在 s = 1 + w 时
相同；(2) 它等于“用贝叶斯分类器 q(c | x_t) 的梯度做分类器引导、强度为 w”；(3) 引导把 x_t 的
分布往远离另一类的方向推、并且变窄。"""

import torch
from torch.distributions import Categorical, MixtureSameFamily, Normal

T = 1000
alpha_bar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, T, dtype=torch.float64), dim=0)
ab = alpha_bar[300]
sigma_t = torch.sqrt(1 - ab)  # ε 与得分之间的系数：ε* = −√(1−ᾱ_t)·∇log q(x_t)
centers = torch.tensor([-2.0, 2.0], dtype=torch.float64)
per_class = Normal(torch.sqrt(ab) * centers, torch.sqrt(ab * 0.25 + 1 - ab))  # q(x_t | c)
mixture = MixtureSameFamily(Categorical(probs=torch.tensor([0.5, 0.5])), per_class)  # q(x_t)


def eps_from(log_density, x):
    """由对数密度求最优的噪声预测 −√(1−ᾱ_t)·∇log q。"""
    x = x.clone().requires_grad_(True)
    (score,) = torch.autograd.grad(log_density(x).sum(), x)
    return -sigma_t * score


x = torch.linspace(-3, 3, 13, dtype=torch.float64)
eps_c = eps_from(lambda z: per_class.log_prob(z.unsqueeze(-1))[:, 1], x)  # 条件 c = 第 2 类
eps_u = eps_from(mixture.log_prob, x)  # 无条件
# −√(1−ᾱ_t)·∇log q(c | x_t)：分类器由贝叶斯公式得到（两类先验相等，就是对 log_prob 做 log_softmax）
classifier = eps_from(lambda z: per_class.log_prob(z.unsqueeze(-1)).log_softmax(-1)[:, 1], x)
for w in [0.0, 1.0, 3.0, 7.5]:
    guided = (1 + w) * eps_c - w * eps_u
    # (1) 另一种常见写法，引导系数 s = 1 + w（s = 1 即不引导）
    torch.testing.assert_close(eps_u + (1 + w) * (eps_c - eps_u), guided)
    # (2) 分类器引导：ε_c − w·√(1−ᾱ_t)·∇log q(c | x_t)
    torch.testing.assert_close(eps_c + w * classifier, guided)
print("CFG 的两种写法一致；它等于强度为 w 的分类器引导（分类器是 q(c | x_t)）")
# > CFG 的两种写法一致；它等于强度为 w 的分类器引导（分类器是 q(c | x_t)）

# (3) 引导后的得分对应的密度 ∝ q(x_t | c)·q(c | x_t)^w。在网格上归一化，看均值和标准差
grid = torch.linspace(-8, 8, 40_001, dtype=torch.float64)
log_c = per_class.log_prob(grid.unsqueeze(-1))
stats = []
for w in [0.0, 1.0, 3.0]:
    p = torch.softmax(log_c[:, 1] + w * log_c.log_softmax(-1)[:, 1], dim=0)
    m = (p * grid).sum()
    stats.append((m.item(), torch.sqrt((p * (grid - m) ** 2).sum()).item()))
    print(f"w = {w:.0f}：均值 {stats[-1][0]:.2f}，标准差 {stats[-1][1]:.2f}")
# > w = 0：均值 1.26，标准差 0.84
# > w = 1：均值 1.39，标准差 0.75
# > w = 3：均值 1.50，标准差 0.69
torch.testing.assert_close(
    torch.tensor(stats[0], dtype=torch.float64),
    torch.stack([per_class.mean[1], per_class.stddev[1]]),
)  # w = 0 就是 q(x_t | c) 本身：网格归一化没问题
assert stats[0][0] < stats[1][0] < stats[2][0] and stats[0][1] > stats[1][1] > stats[2][1]
