"""最大方差推导：在 ‖w‖ = 1 下最大化投影方差 wᵀCw，解是 C 的最大特征值对应的特征向量，
最大方差就是最大特征值。这里不用特征分解，直接用梯度上升求，再和 eigh 对照。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

n, D = 400, 5
X = torch.randn(n, D) @ torch.randn(D, D)  # 各维相关的数据
Xc = X - X.mean(dim=0)
C = Xc.T @ Xc / (n - 1)

# 梯度上升：w = v / ‖v‖ 始终是单位向量，最大化投影后的样本方差
v = torch.randn(D, requires_grad=True)
opt = torch.optim.Adam([v], lr=0.05)
for _ in range(300):
    opt.zero_grad()
    w = v / v.norm()
    (-(Xc @ w).var()).backward()  # 最大化方差 = 最小化负方差
    opt.step()
w = (v / v.norm()).detach()

evals, evecs = torch.linalg.eigh(C)  # 升序：最后一个最大
lam1, u1 = evals[-1], evecs[:, -1]
print(f"梯度上升得到的最大方差 {(Xc @ w).var():.4f}，最大特征值 {lam1:.4f}")
# > 梯度上升得到的最大方差 10.0869，最大特征值 10.0869

# 检查 1：投影的样本方差就是二次型 wᵀCw
torch.testing.assert_close((Xc @ w).var(), w @ C @ w)
# 检查 2：梯度上升找到的方向就是最大特征向量（差一个符号），方差就是最大特征值
torch.testing.assert_close(w * torch.sign(w @ u1), u1, atol=1e-5, rtol=0)
torch.testing.assert_close(w @ C @ w, lam1)
# 检查 3：拉格朗日条件 ∇_w [wᵀCw - λ(wᵀw - 1)] = 2Cw - 2λw = 0 在 (u1, λ1) 处成立（autograd）
u = u1.clone().requires_grad_()
(grad,) = torch.autograd.grad(u @ C @ u - lam1 * (u @ u - 1), u)
torch.testing.assert_close(grad, torch.zeros(D), atol=1e-10, rtol=0)
# 检查 4：1 万个随机单位方向的投影方差都不超过 λ1、不低于最小特征值
W = torch.randn(10_000, D)
W = W / W.norm(dim=1, keepdim=True)
q = ((W @ C) * W).sum(dim=1)
assert q.max() <= lam1 and q.min() >= evals[0]
# 检查 5：第二主成分 = 与 u1 正交的方向里方差最大的。同样不用特征分解：每步把 v 里沿 u1 的分量去掉，
# 在 u1 的正交补里做梯度上升，收敛到的方差是第二大特征值，方向是第二个特征向量（差符号）
P = torch.eye(D) - torch.outer(u1, u1)  # 投影到与 u1 正交的子空间
v2 = torch.randn(D, requires_grad=True)
opt = torch.optim.Adam([v2], lr=0.05)
for _ in range(300):
    opt.zero_grad()
    w2 = P @ v2 / (P @ v2).norm()
    (-(Xc @ w2).var()).backward()
    opt.step()
w2 = (P @ v2 / (P @ v2).norm()).detach()
torch.testing.assert_close((Xc @ w2).var(), evals[-2])
torch.testing.assert_close(w2 * torch.sign(w2 @ evecs[:, -2]), evecs[:, -2], atol=1e-5, rtol=0)
