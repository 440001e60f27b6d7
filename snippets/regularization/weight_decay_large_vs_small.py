"""只看惩罚项本身的“拉力”：L2 的梯度 λw 与权重成正比，大权重拉得狠、小权重拉得轻，
按比例缩小、永远到不了 0；L1 的梯度 λ·sign(w) 大小恒定，每步减去同样的量，小权重很快变成 0。"""

import torch

lam, lr, T = 0.1, 0.1, 100  # 正则系数、学习率、步数（不看数据损失，只看惩罚项）
w0 = torch.tensor([0.05, 0.5, 0.8, 3.0])

# 同一个 λ 下两种惩罚对每个权重的拉力（梯度大小）
pull_l1 = lam * torch.sign(w0).abs()  # |λ·sign(w)| = λ
pull_l2 = lam * w0.abs()  # |λw|
print([round(v, 3) for v in (pull_l2 / pull_l1).tolist()])
# > [0.05, 0.5, 0.8, 3.0]

# L2：用 torch.optim.SGD 的 weight_decay，数据梯度恒为 0，每步 w ← (1 - lr·λ)w
w = w0.clone().requires_grad_()
opt = torch.optim.SGD([w], lr=lr, weight_decay=lam)
for _ in range(T):
    w.grad = torch.zeros_like(w)
    opt.step()
w_l2 = w.detach()

# L1：近端（proximal）更新 = 每步把 |w| 减去 lr·λ，越过 0 就停在 0（软阈值）
w_l1 = w0.clone()
for _ in range(T):
    w_l1 = torch.sign(w_l1) * (w_l1.abs() - lr * lam).clamp(min=0)
print([round(v, 4) for v in w_l2.tolist()])
print([round(v, 4) for v in w_l1.tolist()])
# > [0.0183, 0.183, 0.2928, 1.0981]
# > [0.0, 0.0, 0.0, 2.0]

# 检查 1：L2 的拉力与 |w| 成正比，|w| > 1 时比 L1 大、|w| < 1 时比 L1 小（同一个 λ）
torch.testing.assert_close(pull_l2 / pull_l1, w0.abs())
assert (pull_l2 > pull_l1).tolist() == (w0.abs() > 1).tolist()
# 检查 2：L2 = 每个权重都乘以同一个 (1 - lr·λ)^T，相对缩小的比例一样，没有一个变成 0
torch.testing.assert_close(w_l2, (1 - lr * lam) ** T * w0)
assert (w_l2 != 0).all()
# 检查 3：L1 = 每个权重都减去同样的 T·lr·λ = 1.0，不够减的恰好变成 0
torch.testing.assert_close(w_l1, torch.sign(w0) * (w0.abs() - T * lr * lam).clamp(min=0))
assert (w_l1 == 0).sum().item() == 3
