"""Dropout 只保住了期望，没有保住方差：Var[m·x/(1-p)] = x²·p/(1-p)。
每个单元独立地丢弃，丢掉的个数服从二项分布，并不是“按固定比例”删除。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
p = 0.5

# 1) 固定的输入 x：输出只有 0 和 x/(1-p) 两种取值，方差是 x²·p/(1-p)
x = torch.tensor([1.0, -2.0, 3.0])
samples = F.dropout(x.expand(50_000, 3), p, training=True)
var_mc = samples.var(dim=0)
var_exact = x**2 * p / (1 - p)
print([round(v, 2) for v in var_mc.tolist()], var_exact.tolist())
# > [1.0, 4.0, 9.0] [1.0, 4.0, 9.0]

# 2) 随机的输入（均值 μ、方差 σ²）：Var[y] = σ² + p/(1-p)·(σ² + μ²)，比输入的方差大
mu, sigma = 1.0, 2.0
h = mu + sigma * torch.randn(200_000)
y = F.dropout(h, p, training=True)
var_formula = sigma**2 + p / (1 - p) * (sigma**2 + mu**2)
print(f"输入方差 {h.var():.2f}，输出方差 {y.var():.2f}，公式 {var_formula:.2f}")
# > 输入方差 3.98，输出方差 8.99，公式 9.00

# 3) 一层 n = 10 个单元，抽 20000 次掩码：丢弃个数 ~ Binomial(n, p)，每次都不一样
n = 10
masks = F.dropout(torch.ones(20_000, n), p, training=True) == 0
k = masks.sum(dim=1)
frac5 = (k == 5).double().mean().item()
binom = torch.distributions.Binomial(n, torch.tensor(p))
pmf5 = binom.log_prob(torch.tensor(5.0)).exp().item()  # C(10,5)/2¹⁰
print(f"丢弃个数：最少 {k.min().item()}，最多 {k.max().item()}")
print(f"恰好丢 5 个的比例 {frac5:.3f}，二项分布的概率 {pmf5:.3f}")
# > 丢弃个数：最少 0，最多 10
# > 恰好丢 5 个的比例 0.249，二项分布的概率 0.246

# 检查 1：固定输入的方差与公式一致（相对误差 3% 以内）；期望仍是 x
torch.testing.assert_close(var_mc, var_exact, rtol=0.03, atol=0)
torch.testing.assert_close(samples.mean(dim=0), x, atol=0.03, rtol=0)
# 检查 2：随机输入时输出方差 = σ² + p/(1-p)(σ²+μ²)，比输入方差大一倍多
assert abs(y.var().item() - var_formula) / var_formula < 0.02
assert y.var() > 2 * h.var()
# 检查 3：丢弃个数的均值、方差与二项分布 n·p、n·p·(1-p) 一致；恰好丢一半的概率与 C(10,5)/2¹⁰ 一致
assert abs(k.double().mean().item() - binom.mean.item()) < 0.05
assert abs(k.double().var().item() - binom.variance.item()) < 0.1
assert abs(frac5 - pmf5) < 0.01
