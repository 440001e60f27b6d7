"""线性去噪自编码器有闭式解：输入加方差 σ² 的噪声、重构干净输入，期望损失就是“重构误差 + σ²‖W‖²”
（加噪等价于 Tikhonov / L2 正则），最优 W* = C(C + σ²I)⁻¹，按 λ/(λ + σ²) 收缩各主方向，
不会学成恒等映射；而且 (W*x̃ − x̃)/σ² 正是加噪后数据的对数密度梯度（得分）。"""

import torch
from torch.distributions import MultivariateNormal

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
D, sigma = 4, 0.5
U = torch.linalg.qr(torch.randn(D, D)).Q
lam = torch.tensor([4.0, 1.0, 0.25, 0.04])  # 数据 x ~ N(0, C) 在各主方向上的方差
C = U @ torch.diag(lam) @ U.T
eye = torch.eye(D)


def expected_loss(W: torch.Tensor) -> torch.Tensor:
    """E‖x − W(x + ε)‖² 的闭式：tr((I − W) C (I − W)ᵀ) + σ²‖W‖²_F。"""
    return torch.trace((eye - W) @ C @ (eye - W).T) + sigma**2 * (W**2).sum()


# 检查 1：闭式与蒙特卡洛一致（随便一个 W）
W_rand = torch.randn(D, D)
x = MultivariateNormal(torch.zeros(D), C).sample((400_000,))
noisy = x + sigma * torch.randn_like(x)
mc = ((x - noisy @ W_rand.T) ** 2).sum(1)
assert abs(mc.mean() - expected_loss(W_rand)) < 4 * mc.std() / 400_000**0.5

# 检查 2：W* = C(C + σ²I)⁻¹ 是最小值点（autograd 梯度为 0），它的特征值是 λ/(λ + σ²)
W_star = C @ torch.linalg.inv(C + sigma**2 * eye)
W_var = W_star.clone().requires_grad_()
(grad,) = torch.autograd.grad(expected_loss(W_var), W_var)
assert grad.abs().max() < 1e-12
shrink = torch.linalg.eigvalsh((W_star + W_star.T) / 2).flip(0)
torch.testing.assert_close(shrink, lam / (lam + sigma**2))
print("W* 在各主方向上的缩放：" + " ".join(f"{v:.3f}" for v in shrink))
# > W* 在各主方向上的缩放：0.941 0.800 0.500 0.138
assert expected_loss(W_star) < expected_loss(eye)  # 恒等映射不是最优：它把噪声原样保留

# 检查 3：用小批量 SGD 真正训练一个 D → D 的线性去噪自编码器（每步重新采样噪声），收敛到 W*
W = torch.zeros(D, D, requires_grad=True)
opt = torch.optim.Adam([W], lr=0.01)
sampler = MultivariateNormal(torch.zeros(D), C)
for _ in range(1500):
    xb = sampler.sample((256,))
    loss = ((xb - (xb + sigma * torch.randn_like(xb)) @ W.T) ** 2).sum(1).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
err = (W.detach() - W_star).abs().max().item()
print(f"训练得到的 W 与 W* 的最大差 < 0.05：{err < 0.05}")
# > 训练得到的 W 与 W* 的最大差 < 0.05：True
assert err < 0.05

# 检查 4：最优去噪器给出得分：(W*x̃ − x̃)/σ² = ∇ log p_σ(x̃)，p_σ = N(0, C + σ²I) 是加噪后数据的分布
x_tilde = torch.randn(5, D, requires_grad=True)
log_p = MultivariateNormal(torch.zeros(D), C + sigma**2 * eye).log_prob(x_tilde).sum()
(score,) = torch.autograd.grad(log_p, x_tilde)
torch.testing.assert_close((x_tilde.detach() @ W_star.T - x_tilde.detach()) / sigma**2, score)
