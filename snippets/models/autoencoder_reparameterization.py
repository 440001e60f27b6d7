"""重参数化：Normal.sample() 切断了计算图（没有 grad_fn），
rsample() 写成 z = μ + σ·ε 后梯度能传回 μ、σ；
路径导数估计的 ∇E[f(z)] 与闭式解一致。得分函数估计不用重参数化也无偏，方差谁大要看 f。"""

import math

import torch
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

mu = torch.tensor(0.5, requires_grad=True)
sigma = torch.tensor(0.8, requires_grad=True)
q = Normal(mu, sigma)

z_plain, z_rep = q.sample((3,)), q.rsample((3,))
print(z_plain.requires_grad, z_plain.grad_fn, z_rep.requires_grad, type(z_rep.grad_fn).__name__)
# > False None True AddBackward0

# 检查 1：sample() 的结果与 μ、σ 没有连接，对它求的损失无法反传
try:
    torch.exp(z_plain).mean().backward()
except RuntimeError as err:
    print("sample() 之后 backward：", str(err).split(" and")[0])
# > sample() 之后 backward： element 0 of tensors does not require grad

# 检查 2：在 VAE 式的损失“重构项 + KL”里，用 sample() 时重构项的梯度整个丢了：
# 对 μ、σ 的梯度与只有 KL 项时逐位相同；换成 rsample()，多出来的正是重构项沿 z = μ + σ·ε 传回的梯度
kl = kl_divergence(q, Normal(0.0, 1.0))
g_kl = torch.autograd.grad(kl, [mu, sigma], retain_graph=True)
g_plain = torch.autograd.grad(((z_plain - 2) ** 2).mean() + kl, [mu, sigma], retain_graph=True)
g_rep = torch.autograd.grad(((z_rep - 2) ** 2).mean() + kl, [mu, sigma])
assert torch.equal(g_plain[0], g_kl[0]) and torch.equal(g_plain[1], g_kl[1])
eps_rep = (z_rep.detach() - mu.detach()) / sigma.detach()
torch.testing.assert_close(g_rep[0] - g_kl[0], 2 * (z_rep.detach() - 2).mean())
torch.testing.assert_close(g_rep[1] - g_kl[1], 2 * ((z_rep.detach() - 2) * eps_rep).mean())
assert abs(g_rep[0] - g_kl[0]) > 0.1  # 而且这部分梯度不小

# 检查 3：rsample() 就是 μ + σ·ε（同一个 ε）
torch.manual_seed(1)
z1 = q.rsample((5,))
torch.manual_seed(1)
eps = torch.randn(5)
torch.testing.assert_close(z1, mu + sigma * eps)

# 检查 4：路径导数（pathwise）估计 ∇E[e^z] 与闭式解一致。
# E[e^z] = exp(μ + σ²/2)，所以 ∂/∂μ = exp(μ + σ²/2)，∂/∂σ = σ·exp(μ + σ²/2)
n = 200_000
z = q.rsample((n,))
g_mu, g_sigma = torch.autograd.grad(torch.exp(z).mean(), [mu, sigma])
m = math.exp(mu.item() + sigma.item() ** 2 / 2)
print(
    f"路径导数 ∂/∂μ = {g_mu.item():.4f}（闭式 {m:.4f}），"
    f"∂/∂σ = {g_sigma.item():.4f}（闭式 {sigma.item() * m:.4f}）"
)
# > 路径导数 ∂/∂μ = 2.2736（闭式 2.2705），∂/∂σ = 1.8269（闭式 1.8164）
z, eps_used = z.detach(), (z.detach() - mu.detach()) / sigma.detach()
se_mu = (torch.exp(z).std() / math.sqrt(n)).item()  # 蒙特卡洛标准误
se_sigma = ((torch.exp(z) * eps_used).std() / math.sqrt(n)).item()
assert abs(g_mu.item() - m) < 4 * se_mu
assert abs(g_sigma.item() - sigma.item() * m) < 4 * se_sigma

# 检查 5：得分函数（score function / REINFORCE）估计 f(z)·∂log q(z)/∂μ 不需要重参数化，也是无偏的
zs = q.sample((n,))
score_mu = torch.exp(zs) * (zs - mu.detach()) / sigma.detach() ** 2
assert abs(score_mu.mean().item() - m) < 4 * (score_mu.std() / math.sqrt(n)).item()

# 检查 6：两种估计的单样本方差（μ = 0，σ = 1，对 μ 求导），蒙特卡洛对照闭式解
# 路径导数：f'(ε)；得分函数：f(ε)·ε
eps = torch.randn(n)
e = math.e
cases = {
    # f = e^z：Var[e^ε] = e² − e；Var[e^ε·ε] = 5e² − e
    "exp(z)": (torch.exp(eps), torch.exp(eps) * eps, e**2 - e, 5 * e**2 - e),
    # f = sin(3z)：Var[3cos 3ε] = 4.5(1 + e^-18) − 9e^-9；Var[ε sin 3ε] = 0.5(1 + 35e^-18) − 9e^-9
    "sin(3z)": (
        3 * torch.cos(3 * eps),
        torch.sin(3 * eps) * eps,
        4.5 * (1 + math.exp(-18)) - 9 * math.exp(-9),
        0.5 * (1 + 35 * math.exp(-18)) - 9 * math.exp(-9),
    ),
}
ratio = {}  # 蒙特卡洛估计的 得分函数方差 / 路径导数方差
for name, (path, score, v_path, v_score) in cases.items():
    print(f"f = {name}：路径导数方差 {v_path:.2f}，得分函数方差 {v_score:.2f}")
    # > f = exp(z)：路径导数方差 4.67，得分函数方差 34.23
    # > f = sin(3z)：路径导数方差 4.50，得分函数方差 0.50
    assert abs(path.var().item() / v_path - 1) < 0.05
    assert abs(score.var().item() / v_score - 1) < 0.1
    ratio[name] = (score.var() / path.var()).item()
# 前者路径导数的方差小 7 倍以上，后者反而大 8 倍以上：方差更小是常见情况，不是定理
assert ratio["exp(z)"] > 7 and ratio["sin(3z)"] < 1 / 8
