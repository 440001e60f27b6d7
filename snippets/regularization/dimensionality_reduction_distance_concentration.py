"""维度灾难之一：距离集中。维度越高，随机点之间最远和最近的距离越接近，
(max - min) / min 越来越小，“最近邻”也就越来越没有意义。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

n = 200  # [0, 1]^d 里均匀分布的 200 个点
dims = (2, 10, 100, 1000)
contrast, rel_spread, mean_sq = [], [], []
for d in dims:
    X = torch.rand(n, d)
    dist = torch.pdist(X)  # 所有 n(n-1)/2 对点之间的欧氏距离
    contrast.append(((dist.max() - dist.min()) / dist.min()).item())
    rel_spread.append((dist.std() / dist.mean()).item())
    mean_sq.append((dist**2).mean().item())
    print(
        f"d={d}: 最近 {dist.min():.3f}，最远 {dist.max():.3f}，(max-min)/min = {contrast[-1]:.3g}"
    )
# > d=2: 最近 0.004，最远 1.321，(max-min)/min = 341
# > d=10: 最近 0.304，最远 2.182，(max-min)/min = 6.18
# > d=100: 最近 3.182，最远 5.022，(max-min)/min = 0.579
# > d=1000: 最近 11.999，最远 13.859，(max-min)/min = 0.155
print("距离的标准差 / 均值：" + " ".join(f"{r:.3f}" for r in rel_spread))
# > 距离的标准差 / 均值：0.477 0.195 0.058 0.018

# 另一面：在 10 维单位立方体里圈住 1% 的数据，小立方体边长要 0.01^(1/10) ≈ 0.63，“邻域”并不局部
edge = 0.01 ** (1 / 10)
inside = (torch.rand(100_000, 10) < edge).all(dim=1).double().mean().item()
print(f"边长 {edge:.3f}，落在里面的比例 {inside:.4f}")
# > 边长 0.631，落在里面的比例 0.0097

# 检查 1：最远与最近的相对差距、距离的标准差 / 均值，都随维度单调缩小
assert (torch.tensor(contrast).diff() < 0).all()
assert (torch.tensor(rel_spread).diff() < 0).all()
# 检查 1b：缩小的速度是 1/√d。闭式：每维 (u-u')² 的均值 1/6、方差 1/15 - 1/36 = 7/180，
# d 大时距离的均值 ≈ √(d/6)，标准差 ≈ √(7d/180) / (2√(d/6)) = √(7/30)/2（与 d 无关），
# 所以 标准差/均值 · √d → √(7/5)/2 ≈ 0.592
limit = (7 / 5) ** 0.5 / 2
for d, r in zip(dims[2:], rel_spread[2:], strict=True):  # d = 100、1000
    assert abs(r * d**0.5 / limit - 1) < 0.05
# 检查 2：E‖x - x'‖² = d · 2Var(U(0,1)) = d/6：距离的平方随 d 线性增长（容差留给抽样误差）
for d, m in zip(dims, mean_sq, strict=True):
    assert abs(m / (d / 6) - 1) < 0.1
# 检查 3：torch.pdist 与 torch.cdist 取上三角一致（两个独立实现）
X = torch.rand(5, 3)
iu = torch.triu_indices(5, 5, offset=1)
torch.testing.assert_close(torch.pdist(X), torch.cdist(X, X)[iu[0], iu[1]])
# 检查 4：边长 0.631 的子立方体只装下约 1% 的点
assert abs(inside - 0.01) < 0.002
