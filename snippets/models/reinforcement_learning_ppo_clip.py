"""PPO 截断目标：等于分段公式、是未截断目标的下界、截断样本梯度为 0，但不把 r 关在区间里。"""

import torch

torch.manual_seed(0)
dtype = torch.float64
eps = 0.2

# 一批样本：旧策略与新策略的 log π(a|s)，以及优势估计 A
logp_old = torch.randn(1000, dtype=dtype)
logp_new = (logp_old + 0.5 * torch.randn(1000, dtype=dtype)).requires_grad_()
adv = torch.randn(1000, dtype=dtype)

# PPO：r = π_new / π_old = exp(log π_new - log π_old)，L = E[min(r A, clip(r, 1-ε, 1+ε) A)]
ratio = (logp_new - logp_old).exp()
per_sample = torch.min(ratio * adv, ratio.clamp(1 - eps, 1 + eps) * adv)

# 检查 1：直接公式。A ≥ 0 时是 min(r, 1+ε)·A，A < 0 时是 max(r, 1-ε)·A
direct = torch.where(adv >= 0, ratio.clamp(max=1 + eps) * adv, ratio.clamp(min=1 - eps) * adv)
torch.testing.assert_close(per_sample, direct)

# 检查 2：它是未截断的代理目标 r·A 的下界（悲观估计），r 在 [1-ε, 1+ε] 内时两者相等
assert (per_sample <= ratio * adv + 1e-12).all()
# 只用 clip 项就不是下界：A > 0 且 r < 1-ε（或 A < 0 且 r > 1+ε）时 clip(r)·A > r·A
assert ((ratio.clamp(1 - eps, 1 + eps) * adv) > ratio * adv + 1e-3).any()
inside = (ratio - 1).abs() <= eps
torch.testing.assert_close(per_sample[inside], (ratio * adv)[inside])

# 检查 3：梯度。对 log π_new 的梯度，未截断时是 r·A（因为 ∂r/∂log π_new = r），被截断的样本为 0
(grad,) = torch.autograd.grad(per_sample.sum(), logp_new)
clipped = ((adv > 0) & (ratio > 1 + eps)) | ((adv < 0) & (ratio < 1 - eps))
torch.testing.assert_close(grad, torch.where(clipped, 0.0, ratio * adv).detach())
print(f"被截断（梯度为 0）的样本：{clipped.sum().item()}/1000")
# > 被截断（梯度为 0）的样本：346/1000

# 注意：A > 0 而 r < 1-ε（新策略反而更不愿意选这个好动作）时不截断，梯度照常把 r 往上推
wrong_way = (adv > 0) & (ratio < 1 - eps)
assert (grad[wrong_way] > 0).all() and wrong_way.sum() > 0
print(f"A > 0 且 r < 1-ε、仍有梯度的样本：{wrong_way.sum().item()}/1000")
# > A > 0 且 r < 1-ε、仍有梯度的样本：161/1000

# clip 不把概率比关在 [1-ε, 1+ε] 里：线性 softmax 策略（参数在样本间共享），
# 在同一批数据上用 Adam 对 L^CLIP 做 40 步更新，5 个种子都有大量样本的 r 跑出区间
outside = []
for seed in range(5):
    torch.manual_seed(seed)
    X = torch.randn(256, 8, dtype=dtype)  # 256 个状态的特征
    W = (0.5 * torch.randn(8, 4, dtype=dtype)).requires_grad_()  # 4 个动作的线性 logit
    with torch.no_grad():
        logp_all = (X @ W).log_softmax(-1)
        act = torch.multinomial(logp_all.exp(), 1).squeeze(1)  # 旧策略采的动作
        logp_old = logp_all[torch.arange(256), act]
    adv = torch.randn(256, dtype=dtype)
    opt = torch.optim.Adam([W], lr=0.02)
    for _ in range(40):
        ratio = ((X @ W).log_softmax(-1)[torch.arange(256), act] - logp_old).exp()
        loss = -torch.min(ratio * adv, ratio.clamp(1 - eps, 1 + eps) * adv).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():  # 更新结束后的概率比
        ratio = ((X @ W).log_softmax(-1)[torch.arange(256), act] - logp_old).exp()
    outside.append(((ratio - 1).abs() > eps).sum().item())
    assert ((adv > 0) & (ratio > 1 + eps)).any()  # 好动作的 r 也越过了 1+ε
print(f"5 个种子里，r 跑出 [0.8, 1.2] 的样本最少 {min(outside)}/256")
# > 5 个种子里，r 跑出 [0.8, 1.2] 的样本最少 66/256
assert min(outside) > 25
