"""RLHF 里的 PPO：逐词元 KL 惩罚 r - β·KL，奖励模型分数只加在最后一个词元；
逐词元对数概率比之和是序列级 KL 的无偏单样本估计；截断分支上的梯度确实为 0。
"""

import itertools

import torch
from torch.distributions import Categorical, kl_divergence

torch.manual_seed(0)
T, V, beta, eps = 3, 3, 0.1, 0.2  # 回答长度、词表大小、KL 系数、截断范围
# 两个极小的自回归“语言模型”：下一个词元的分布只看上一个词元（提示是词元 0）
tab_old = torch.log_softmax(torch.randn(V, V, dtype=torch.float64), -1)  # 采样用的策略
tab_ref = torch.log_softmax(torch.randn(V, V, dtype=torch.float64), -1)  # 参考（SFT）模型
rm_score = 1.5  # 奖励模型给整段回答的分数


def per_token_logp(tab, y):  # 各词元的 log π(y_t | y_{t-1})
    prev = (0, *y[:-1])
    return torch.stack([tab[a, b] for a, b in zip(prev, y, strict=True)])


y = (1, 1, 0)  # 一条采样出的回答
kl_tok = per_token_logp(tab_old, y) - per_token_logp(tab_ref, y)
reward = -beta * kl_tok  # 每个词元 -β(log π_old - log π_ref)
reward[-1] += rm_score  # 最后一个词元再加奖励模型分数
print([round(v, 3) for v in reward.tolist()])
# > [0.052, 0.171, 1.31]

# 枚举全部 V^T = 27 条回答：逐词元对数概率比之和在 π_old 下的期望
# = 两个序列分布之间的 KL。参照值不用这 27 条序列，而按链式法则逐步算：
# 第 t 步的 KL = Σ_a P(前一个词元 = a)·KL(π_old(·|a) ‖ π_ref(·|a))（torch.distributions 逐行算）
seqs = list(itertools.product(range(V), repeat=T))
p_old = torch.stack([per_token_logp(tab_old, s).sum() for s in seqs]).exp()
sum_ratio = torch.stack(
    [(per_token_logp(tab_old, s) - per_token_logp(tab_ref, s)).sum() for s in seqs]
)
row_kl = kl_divergence(Categorical(logits=tab_old), Categorical(logits=tab_ref))  # 每个前一词元
prev = torch.zeros(V, dtype=torch.float64)
prev[0] = 1.0  # 第一步的“前一个词元”是提示
exact = torch.tensor(0.0, dtype=torch.float64)
for _ in range(T):
    exact = exact + prev @ row_kl
    prev = prev @ tab_old.exp()  # 下一步前一个词元的分布
torch.testing.assert_close((p_old * sum_ratio).sum(), exact)
torch.testing.assert_close(p_old.sum(), torch.tensor(1.0, dtype=torch.float64))
assert (sum_ratio < 0).any()  # 单条回答的估计可以是负的，只有期望才是 KL ≥ 0

# 截断代理目标：L = -mean(min(ρA, clip(ρ, 1-ε, 1+ε)A))
L = 5
logp_old = torch.log(torch.rand(L, dtype=torch.float64))
adv = torch.tensor([1.0, 1.0, -1.0, -1.0, 1.0], dtype=torch.float64)
shift = torch.tensor([0.5, 0.05, -0.5, 0.5, -0.5], dtype=torch.float64)  # 新旧对数概率差
logp_new = (logp_old + shift).requires_grad_()
ratio = torch.exp(logp_new - logp_old)
obj = torch.minimum(ratio * adv, ratio.clamp(1 - eps, 1 + eps) * adv)
(-obj.mean()).backward()
print([round(v, 3) for v in ratio.tolist()])
# > [1.649, 1.051, 0.607, 1.649, 0.607]
# 词元 0：A>0 且 ρ>1+ε → 被截断，梯度 0；词元 2：A<0 且 ρ<1-ε → 被截断，梯度 0
# 词元 1：在区间内；词元 3：A<0 而 ρ 已经过大、词元 4：A>0 而 ρ 已经过小 → 不截断，照常有梯度
grad = logp_new.grad
assert grad[0] == 0 and grad[2] == 0
# 未截断处 ∂(-ρA/L)/∂logπ = -ρA/L，与 autograd 一致
torch.testing.assert_close(grad[[1, 3, 4]], (-ratio * adv / L).detach()[[1, 3, 4]])
