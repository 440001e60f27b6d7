"""PPO 的截断目标：等于按优势符号分段的直接公式；它是未截断目标的下界；截断后的样本梯度为 0。"""

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
