"""nn.KLDivLoss 的约定对照 torch.distributions 与手算；正向与反向 KL。"""

import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical, kl_divergence

torch.manual_seed(0)
B, C = 4, 5  # 批大小、类别数
p = F.softmax(torch.randn(B, C, dtype=torch.float64), dim=1)  # 目标分布 P
log_q = F.log_softmax(torch.randn(B, C, dtype=torch.float64), dim=1)  # 模型分布 Q 的 log 概率

# 参考：每个样本的 KL(P || Q) = Σ p log(p / q)，对批取平均
ref = kl_divergence(Categorical(probs=p), Categorical(logits=log_q)).mean()
hand = (p * (p.log() - log_q)).sum() / B
torch.testing.assert_close(ref, hand)

# 约定 1：input 是 log 概率，target 是概率；reduction="batchmean" 才等于每个样本的 KL
torch.testing.assert_close(nn.KLDivLoss(reduction="batchmean")(log_q, p), ref)
# 约定 2：target 也给 log 概率时要设 log_target=True
torch.testing.assert_close(
    nn.KLDivLoss(reduction="batchmean", log_target=True)(log_q, p.log()), ref
)
# 约定 3：reduction="mean" 除以的是元素总数 B·C，结果小了 C 倍
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    mean = nn.KLDivLoss(reduction="mean")(log_q, p)
assert any("batchmean" in str(w.message) for w in caught)  # 已安装的 PyTorch 为此发出 UserWarning
assert nn.KLDivLoss().reduction == "mean"  # 而默认值正是 "mean"
torch.testing.assert_close(mean * C, ref)
print(f"KL = {ref.item():.4f}，batchmean = {ref.item():.4f}，mean = {mean.item():.4f}（差 {C} 倍）")
# > KL = 0.2887，batchmean = 0.2887，mean = 0.0577（差 5 倍）

# 常见错误：把概率（而不是 log 概率）传给 input，得到的数和 KL 毫无关系，甚至是负的
wrong = nn.KLDivLoss(reduction="batchmean")(log_q.exp(), p)
assert wrong < 0
print(f"input 误传概率：{wrong.item():.4f}")
# > input 误传概率：-1.5716

# 不对称：KL(P||Q) ≠ KL(Q||P)
rev = kl_divergence(Categorical(logits=log_q), Categorical(probs=p)).mean()
print(f"KL(P||Q) = {ref.item():.4f}，KL(Q||P) = {rev.item():.4f}")
# > KL(P||Q) = 0.2887，KL(Q||P) = 0.3269
assert abs(ref - rev) > 0.02

# 正向与反向 KL：用一个高斯 Q 去拟合双峰的 P（两个峰在 ±3，标准差 1），在网格上数值积分
x = torch.linspace(-9, 9, 601, dtype=torch.float64)
dx = x[1] - x[0]


def normal(mu, sigma):
    return torch.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * (2 * torch.pi) ** 0.5)


P = 0.5 * normal(-3.0, 1.0) + 0.5 * normal(3.0, 1.0)


def kl(a, b):
    return ((a * (a.log() - b.log())).sum() * dx).item()


def fit(direction, mu0):
    mu = torch.tensor(mu0, dtype=torch.float64, requires_grad=True)
    log_sigma = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([mu, log_sigma], lr=0.05)
    for _ in range(400):
        Q = normal(mu, log_sigma.exp()) + 1e-300
        a, b = (P, Q) if direction == "正向" else (Q, P)
        loss = (a * (a.log() - b.log())).sum() * dx
        opt.zero_grad()
        loss.backward()
        opt.step()
    return mu.item(), log_sigma.exp().item()


runs = [("正向", 2.0), ("反向", 2.0), ("反向", 1.0)]
fits = [fit(direction, mu0) for direction, mu0 in runs]
for (direction, mu0), (mu, sd) in zip(runs, fits, strict=True):
    Q = normal(torch.tensor(mu), torch.tensor(sd)) + 1e-300
    print(f"{direction}从 mu={mu0} 出发：mu = {round(mu, 2) + 0.0:.2f}，sigma = {sd:.2f}，", end="")
    print(f"KL(P||Q) = {kl(P, Q):.3f}，KL(Q||P) = {kl(Q, P):.3f}")
# > 正向从 mu=2.0 出发：mu = 0.00，sigma = 3.16，KL(P||Q) = 0.462，KL(Q||P) = 0.855
# > 反向从 mu=2.0 出发：mu = 2.98，sigma = 1.02，KL(P||Q) = 7.860，KL(Q||P) = 0.689
# > 反向从 mu=1.0 出发：mu = 0.00，sigma = 2.84，KL(P||Q) = 0.474，KL(Q||P) = 0.820
(mu_f, sd_f), (mu_r, sd_r), (mu_r0, sd_r0) = fits
# 正向 KL 的最优高斯就是矩匹配：均值 0，方差 1 + 3² = 10（闭式）
assert abs(mu_f) < 0.01 and abs(sd_f - 10**0.5) < 0.01
# 反向 KL 只盖住一个峰：均值约 3，标准差约 1
assert abs(mu_r - 3) < 0.05 and abs(sd_r - 1) < 0.05
# 反向 KL 不是凸的：从 mu=1 出发停在两峰中间的局部最优，那里的反向 KL 比单峰解大
assert abs(mu_r0) < 0.01 and sd_r0 > 2
Q_r = normal(torch.tensor(mu_r), torch.tensor(sd_r)) + 1e-300
Q_r0 = normal(torch.tensor(mu_r0), torch.tensor(sd_r0)) + 1e-300
assert kl(Q_r, P) < kl(Q_r0, P) - 0.1
# 单峰解的正向 KL 极大：P 有质量而 Q≈0 的地方，log(p/q) 爆炸
assert kl(P, Q_r) > 10 * kl(P, Q_r0)
