"""几何直觉：把惩罚写成约束 ‖w‖ ≤ r，最优点是损失的等高线（椭圆）第一次碰到约束球的地方。
L1 球（菱形）有尖角，碰撞点经常就在角上（某个坐标恰为 0）；
L2 球（圆）没有角，碰撞点几乎从不在坐标轴上。"""

import math

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
r, num = 1.0, 300  # 约束半径；随机损失的个数

# 300 个随机的二次损失 f(w) = ½(w - c)ᵀH(w - c)：无约束最优点 c 在球外，H 随机正定（椭圆随机朝向）
c = torch.randn(num, 2) * 2
c = c * (1.5 * r / c.norm(dim=1, keepdim=True)).clamp(min=1)  # 保证 ‖c‖₂ ≥ 1.5r，在两个球外
A = torch.randn(num, 2, 2)
H = A @ A.transpose(1, 2) + 0.1 * torch.eye(2)


def f(w: torch.Tensor) -> torch.Tensor:
    """w 的形状为 (num, 点数, 2)，对每个损失各自求值。"""
    diff = w - c[:, None]
    return 0.5 * torch.einsum("nbi,nij,nbj->nb", diff, H, diff)


# L1 球：c 在球外时最优点在边界上。边界是 4 条线段，每条线段上 f 是一元二次函数，
# 最小值点可以直接算出来再截到 [0, 1]；截到端点就是落在了角上
corners = torch.tensor([[r, 0.0], [0.0, r], [-r, 0.0], [0.0, -r]])
candidates = []
for k in range(4):
    a, e = corners[k], corners[(k + 1) % 4] - corners[k]  # 线段 a + t·e，t ∈ [0, 1]
    # 令 d f(a + t·e) / dt = eᵀH(a + t·e - c) = 0，解出 t 再截到 [0, 1]
    t = -torch.einsum("ni,nij,j->n", a - c, H, e) / torch.einsum("i,nij,j->n", e, H, e)
    t = t.clamp(0, 1)
    candidates.append(a + t[:, None] * e)
cand = torch.stack(candidates, dim=1)  # (num, 4, 2)
w_l1 = cand[torch.arange(num), f(cand).argmin(1)]

# L2 球：最优点 w(μ) = (H + μI)⁻¹Hc，μ ≥ 0 用二分法取到 ‖w‖ = r
Lam, Q = torch.linalg.eigh(H)
c_rot = (Q.transpose(1, 2) @ c[..., None]).squeeze(-1)


def w_of(mu: torch.Tensor) -> torch.Tensor:
    return (Q @ (Lam / (Lam + mu[:, None]) * c_rot)[..., None]).squeeze(-1)


lo, hi = torch.zeros(num), torch.full((num,), 1e4)
for _ in range(80):
    mid = (lo + hi) / 2
    outside = w_of(mid).norm(dim=1) > r
    lo, hi = torch.where(outside, mid, lo), torch.where(outside, hi, mid)
w_l2 = w_of(hi)

on_axis_l1 = int((w_l1 == 0).any(dim=1).sum())
on_axis_l2 = int((w_l2 == 0).any(dim=1).sum())
print(f"最优点有一个坐标恰为 0：L1 球 {on_axis_l1}/{num}，L2 球 {on_axis_l2}/{num}")
# > 最优点有一个坐标恰为 0：L1 球 196/300，L2 球 0/300

# 约束形式与惩罚形式是一回事（拉格朗日乘子）：H = I 时，L1 约束下的解等于惩罚形式
# ½‖w - c₀‖² + λ‖w‖₁ 的解，即软阈值 soft(c₀, λ)，λ 取得让 ‖soft(c₀, λ)‖₁ = r
c0, lam = torch.tensor([1.6, 0.3]), 0.6  # soft(c₀, 0.6) = (1.0, 0.0)，L1 范数恰为 r
w_pen = torch.sign(c0) * (c0.abs() - lam).clamp(min=0)

# 检查 1：与暴力搜索一致——在两个球的边界上各取 4000 个点，逐点算 f 取最小
m = 1000
s = (torch.arange(m) / m)[:, None]
diamond = torch.cat([(1 - s) * corners[k] + s * corners[(k + 1) % 4] for k in range(4)])
angle = torch.arange(4 * m) * (2 * math.pi / (4 * m))
circle = r * torch.stack([angle.cos(), angle.sin()], dim=1)
brute_l1 = diamond[f(diamond.expand(num, -1, -1)).argmin(1)]
brute_l2 = circle[f(circle.expand(num, -1, -1)).argmin(1)]
torch.testing.assert_close(w_l1, brute_l1, atol=2e-3, rtol=0)
torch.testing.assert_close(w_l2, brute_l2, atol=2e-3, rtol=0)
# 检查 2：L1 球上超过一半的最优点落在角上；L2 球上一个都没有
assert on_axis_l1 > num / 2 and on_axis_l2 == 0
# 检查 3：H = I 时，约束解（暴力搜索菱形边界）= 对应 λ 的惩罚解
torch.testing.assert_close(diamond[((diamond - c0) ** 2).sum(1).argmin()], w_pen)
