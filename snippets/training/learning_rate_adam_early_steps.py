"""为什么 Adam 也要预热：最初几步的二阶矩估计只来自极少几个梯度，更新量的噪声比后期大得多。"""

import torch

torch.manual_seed(0)

# 1) 第一步：m̂ = g，v̂ = g²，更新量 = lr·g/(|g| + ε) ≈ lr·sign(g)，与梯度大小无关
lr = 0.01
w = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([w], lr=lr)
w.grad = torch.tensor([1e-3, 1.0, -1e3])  # 梯度相差六个数量级
opt.step()
print([round(v, 6) for v in w.tolist()])
# > [-0.01, -0.01, 0.01]

# 2) 同一个参数重复 R 次（R 次独立实验），梯度 g_t ~ N(0.1, 1)，看更新量 u_t = m̂_t/(√v̂_t + ε)
R, steps, b1, b2, eps = 2000, 100, 0.9, 0.999, 1e-8
g = 0.1 + torch.randn(steps, R, dtype=torch.float64)
p = torch.zeros(R, dtype=torch.float64, requires_grad=True)
opt = torch.optim.Adam([p], lr=1.0, betas=(b1, b2), eps=eps)
m, v = torch.zeros(R, dtype=torch.float64), torch.zeros(R, dtype=torch.float64)
u_torch, u_hand, psi = [], [], []
for t in range(1, steps + 1):
    before = p.detach().clone()
    p.grad = g[t - 1]
    opt.step()
    u_torch.append(before - p.detach())  # lr = 1，参数的变化量就是 -u_t
    # 手写 Adam：一阶矩、二阶矩的指数移动平均，再做偏差修正
    m = b1 * m + (1 - b1) * g[t - 1]
    v = b2 * v + (1 - b2) * g[t - 1] ** 2
    m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
    u_hand.append(m_hat / (v_hat.sqrt() + eps))
    psi.append(1 / (v_hat.sqrt() + eps))  # 自适应的“步长缩放” 1/√v̂

spread = [
    (torch.quantile(psi[t - 1], 0.95) / torch.quantile(psi[t - 1], 0.05)).item() for t in (1, 100)
]
var_u = [u_hand[t - 1].var().item() for t in (1, 100)]
print(f"Var(u_1)={var_u[0]:.3f}, Var(u_100)={var_u[1]:.3f}")
print(f"1/√v̂ 的 95%/5% 分位数之比：t=1 为 {spread[0]:.1f}，t=100 为 {spread[1]:.2f}")
# > Var(u_1)=0.989, Var(u_100)=0.053
# > 1/√v̂ 的 95%/5% 分位数之比：t=1 为 34.6，t=100 为 1.26

# 检查 1：第一步每个坐标都移动了（几乎正好）lr，方向与梯度相反
torch.testing.assert_close(w.detach(), -lr * torch.tensor([1.0, 1.0, -1.0]), rtol=1e-4, atol=0)
# 检查 2：手写 Adam 与 torch.optim.Adam 逐步一致
for a, b in zip(u_torch, u_hand, strict=True):
    torch.testing.assert_close(a, b)
# 检查 3：第 1 步的更新量方差约为 1（几乎就是 ±1），远大于后期；后期约为 (1-β1)/(1+β1)
assert var_u[0] > 0.9 and var_u[0] > 10 * var_u[1]
assert abs(var_u[1] - (1 - b1) / (1 + b1)) < 0.01
# 检查 4：第 1 步的自适应缩放在不同实验之间相差几十倍，第 100 步已经相当集中
assert spread[0] > 20 and spread[1] < 1.5
