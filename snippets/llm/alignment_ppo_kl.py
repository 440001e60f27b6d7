"""RLHF 里的 PPO：逐词元 KL 惩罚 r - β·KL，奖励模型分数只加在最后一个词元；
截断分支上的梯度确实为 0。
"""

import torch

torch.manual_seed(0)
T, beta, eps = 5, 0.1, 0.2  # 回答长度、KL 系数、截断范围
logp_old = torch.log(torch.rand(T, dtype=torch.float64))  # 采样时策略对各词元的对数概率
logp_ref = logp_old + 0.3 * torch.randn(T, dtype=torch.float64)  # 参考（SFT）模型
rm_score = 1.5  # 奖励模型给整段回答的分数

# 逐词元奖励：每个词元 -β(log π_old - log π_ref)，最后一个词元再加 rm_score
kl_tok = logp_old - logp_ref
reward = -beta * kl_tok
reward[-1] += rm_score
# 不打折时，整段回报 = rm_score - β·Σ KL 估计
torch.testing.assert_close(reward.sum(), rm_score - beta * kl_tok.sum())

# 截断代理目标：L = -mean(min(ρA, clip(ρ, 1-ε, 1+ε)A))
adv = torch.tensor([1.0, 1.0, -1.0, -1.0, 1.0], dtype=torch.float64)
shift = torch.tensor(
    [0.5, 0.05, -0.5, 0.5, -0.5], dtype=torch.float64
)  # 新策略与旧策略的对数概率差
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
# 未截断处 ∂(-ρA/T)/∂logπ = -ρA/T，与 autograd 一致
torch.testing.assert_close(grad[[1, 3, 4]], (-ratio * adv / T).detach()[[1, 3, 4]])
