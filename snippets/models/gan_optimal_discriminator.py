"""最优判别器：对每个 x 单独最大化 p_data·log D + p_g·log(1 − D)，
解是 D* = p_data / (p_data + p_g)。"""

import torch
import torch.nn.functional as F
from torch.distributions import Normal

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

p_data_dist = Normal(torch.tensor(0.0), torch.tensor(1.0))  # 真实分布 N(0, 1)
p_g_dist = Normal(torch.tensor(1.5), torch.tensor(0.7))  # 生成分布 N(1.5, 0.7²)
x = torch.linspace(-3, 4, 15)  # 步长 0.5
p_data, p_g = p_data_dist.log_prob(x).exp(), p_g_dist.log_prob(x).exp()

D_star = p_data / (p_data + p_g)  # 公式
print([round(v, 3) for v in D_star[[6, 8, 10]].tolist()])  # x = 0、1、2 处
# > [0.874, 0.354, 0.109]


def integrand(D: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """V(D, G) 的被积函数：a·log D + b·log(1 − D)，a = p_data(x)，b = p_g(x)。"""
    return a * torch.log(D) + b * torch.log1p(-D)


# 网格法：每个 x 在 D ∈ (0, 1) 的 20001 个候选值里直接挑最大的，不用任何公式
D_grid = torch.linspace(1e-5, 1 - 1e-5, 20001)
log_D, log_1mD = D_grid.log(), torch.log1p(-D_grid)
D_best = D_grid[(p_data[:, None] * log_D + p_g[:, None] * log_1mD).argmax(dim=1)]

# 检查 1：逐点暴力最大化的结果与公式一致（误差不超过网格间距 5e-5）
assert (D_best - D_star).abs().max() <= 5e-5

# 检查 2：D* 是驻点（一阶导 a/D − b/(1 − D) = 0），二阶导为负，所以是最大值
D = D_star.clone().requires_grad_()
(g,) = torch.autograd.grad(integrand(D, p_data, p_g).sum(), D, create_graph=True)
(h,) = torch.autograd.grad(g.sum(), D)
torch.testing.assert_close(g, torch.zeros_like(g), atol=1e-10, rtol=0)
assert (h < 0).all()

# 检查 3：任何别的判别器（常数 1/2、随机函数）得到的 V 都更小（积分用梯形公式）
# 用 logit 表示判别器更稳：D = σ(l)，log D = logσ(l)，log(1 − D) = logσ(−l)
# D* 的 logit 是 log p_data − log p_g（对数密度比）
xs = torch.linspace(-10, 12, 4401)
lp, lq = p_data_dist.log_prob(xs), p_g_dist.log_prob(xs)


def V(logit: torch.Tensor) -> float:
    f = lp.exp() * F.logsigmoid(logit) + lq.exp() * F.logsigmoid(-logit)
    return torch.trapezoid(f, xs).item()


V_star = V(lp - lq)
logit_random = torch.randn(4401).cumsum(0) / 20  # 一个随便的判别器
assert V_star > V(torch.zeros_like(xs)) and V_star > V(logit_random)

# 检查 4：标签平滑，真样本目标 α、假样本目标 β（β = 0 即单边平滑）：
#         最优判别器变成 (α·p_data + β·p_g)/(p_data + p_g)
a, b = torch.tensor([1.0, 0.3, 0.0]), torch.tensor([0.5, 0.3, 1.0])  # 第 3 个点：p_data = 0
for alpha, beta in [(0.9, 0.0), (0.9, 0.1)]:
    f = a[:, None] * (alpha * log_D + (1 - alpha) * log_1mD)
    f = f + b[:, None] * (beta * log_D + (1 - beta) * log_1mD)
    D_best = D_grid[f.argmax(dim=1)]
    assert (D_best - (alpha * a + beta * b) / (a + b)).abs().max() <= 5e-5
    # p_data = 0 的地方：β = 0 时 D = 0（照样拒绝假样本），β = 0.1 时 D 停在 0.1
    assert abs(D_best[2].item() - beta) <= 5e-5
