"""REINFORCE：得分函数估计量 = 代理损失的梯度，对精确梯度无偏；减基线后仍无偏、方差更小。"""

import itertools

import torch

torch.manual_seed(0)
dtype = torch.float64

# 两步的小问题：在状态 0 选 a0 ∈ {0,1,2}，转到状态 1 + a0，再选 a1 ∈ {0,1,2}，得到奖励 R[a0, a1]。
# 策略是表格 softmax：theta[s] 是状态 s 的 3 个 logit。奖励都在 10 左右（有一个很大的公共偏移）。
theta = torch.randn(4, 3, dtype=dtype, requires_grad=True)
R = 10 + torch.tensor([[1.0, 0.0, 2.0], [0.5, 3.0, 0.0], [1.5, 1.0, 0.5]], dtype=dtype)
trajs = list(itertools.product(range(3), range(3)))  # 全部 9 条轨迹


def log_prob(th, a0, a1):
    """log π(τ) = log π(a0|0) + log π(a1|1+a0)，可以按批计算。"""
    lp = th.log_softmax(-1)
    return lp[0, a0] + lp[1 + a0, a1]


# 精确目标 J(θ) = Σ_τ p(τ) R(τ)，对它用 autograd 得到精确梯度
a0_all, a1_all = (torch.tensor(x) for x in zip(*trajs, strict=True))
p_all = log_prob(theta, a0_all, a1_all).exp()
J = (p_all * R[a0_all, a1_all]).sum()
(grad_exact,) = torch.autograd.grad(J, theta)
print(f"J = {J.item():.4f}")
# > J = 11.0714


def score(a0, a1):
    """手写 ∇_θ log π(τ)：softmax 的 ∇ log π(a|s) 对 theta[s] 是 e_a - π(·|s)，其余行为 0。"""
    pi = theta.detach().softmax(-1)
    g = torch.zeros(len(a0), 4, 3, dtype=dtype)
    rows = torch.arange(len(a0))
    g[rows, 0] -= pi[0]
    g[rows, 0, a0] += 1
    g[rows, 1 + a0] -= pi[1 + a0]
    g[rows, 1 + a0, a1] += 1
    return g


b = J.item()  # 基线：一个与动作无关的常数（这里取期望回报）
for baseline in (0.0, b):
    # 1) 逐条轨迹的估计量 (R - b)∇log π(τ)，按概率加权求和 = 精确梯度（枚举，无偏性）
    g_all = (R[a0_all, a1_all] - baseline)[:, None, None] * score(a0_all, a1_all)
    mean = (p_all.detach()[:, None, None] * g_all).sum(0)
    torch.testing.assert_close(mean, grad_exact)
    # 2) 采样一个批次：手写估计量的平均 = 代理损失 mean(log π(τ)·(R - b)) 的 autograd 梯度
    n = 50_000
    a0 = torch.multinomial(theta.detach()[0].softmax(-1), n, replacement=True)
    a1 = torch.multinomial(theta.detach()[1 + a0].softmax(-1), 1).squeeze(1)
    G = R[a0, a1] - baseline
    surrogate = (log_prob(theta, a0, a1) * G).mean()
    (grad_surrogate,) = torch.autograd.grad(surrogate, theta)
    g = G[:, None, None] * score(a0, a1)
    torch.testing.assert_close(g.mean(0), grad_surrogate)
    # 3) 采样平均与精确梯度相差不到 4 个标准误（每个分量）
    se = g.std(0) / n**0.5
    assert ((g.mean(0) - grad_exact).abs() <= 4 * se + 1e-12).all()
    # 4) 方差：枚举的精确值 E‖g - ∇J‖²，与采样估计一致
    var_exact = (p_all.detach() * ((g_all - grad_exact) ** 2).sum((1, 2))).sum()
    var_sample = ((g - g.mean(0)) ** 2).sum((1, 2)).mean()
    assert abs(var_sample / var_exact - 1) < 0.05
    print(f"基线 b = {baseline:.2f}：估计量的总方差 = {var_exact.item():.2f}")
    if baseline == 0.0:
        var_no_baseline = var_exact
# > 基线 b = 0.00：估计量的总方差 = 88.37
# > 基线 b = 11.07：估计量的总方差 = 0.82
ratio = (var_no_baseline / var_exact).item()
print(f"方差缩小到 1/{ratio:.0f}")
# > 方差缩小到 1/107
assert 100 < ratio < 200  # 减基线后方差小了 100 多倍

# 期望回报 J 是很好的基线，但不是方差最小的那个：总方差 Var(b) = E[(R-b)²‖∇log π‖²] - ‖∇J‖²
# 是 b 的二次函数，最小点 b* = E[R‖∇log π‖²] / E[‖∇log π‖²]（按得分的平方范数加权的平均回报）
score_sq = (score(a0_all, a1_all) ** 2).sum((1, 2))
p = p_all.detach()
b_star = (p * R[a0_all, a1_all] * score_sq).sum() / (p * score_sq).sum()


def total_variance(b):  # 与上面 var_exact 相同的定义：枚举 E‖g - ∇J‖²
    g_b = (R[a0_all, a1_all] - b)[:, None, None] * score(a0_all, a1_all)
    return (p * ((g_b - grad_exact) ** 2).sum((1, 2))).sum()


# 检查：在 [10, 13] 上以 0.001 为步长扫描 b，方差最小的点就是 b*
grid = torch.linspace(10, 13, 3001, dtype=dtype)
b_scan = grid[torch.stack([total_variance(x) for x in grid]).argmin()]
assert abs(b_scan - b_star) < 1e-3
assert total_variance(b_star) < total_variance(b)
v_star, v_J = total_variance(b_star).item(), total_variance(b).item()
print(f"b* = {b_star.item():.2f}：总方差 {v_star:.3f} < {v_J:.3f}（b = J）")
# > b* = 11.19：总方差 0.815 < 0.824（b = J）
