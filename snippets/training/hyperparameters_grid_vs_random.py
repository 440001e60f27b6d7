"""9 次试验、2 个超参数：网格只试了重要超参数的 3 个取值，随机搜索试了 9 个，因而常常更好。"""

import itertools

import numpy as np

rng = np.random.default_rng(0)


def val_loss(
    log_lr: np.ndarray, dropout: np.ndarray, best: float | np.ndarray = -2.6
) -> np.ndarray:
    """假想的验证损失：几乎只取决于 log10(lr)（最优在 best，默认 -2.6），dropout 影响很小。"""
    return (log_lr - best) ** 2 + 0.05 * (dropout - 0.2) ** 2


lo, hi = (-5.0, 0.0), (-1.0, 0.5)  # log10(lr) ∈ [-5, -1]，dropout ∈ [0, 0.5]

# 网格搜索：每个超参数取 3 个值，共 3 × 3 = 9 次试验
grid = np.array(list(itertools.product(np.linspace(lo[0], hi[0], 3), np.linspace(lo[1], hi[1], 3))))
# 随机搜索：9 个点在整个范围内独立均匀采样
rand = rng.uniform(lo, hi, size=(9, 2))
print("网格试过的 log10(lr)：", " ".join(f"{v:.2f}" for v in np.unique(grid[:, 0])))
print("随机试过的 log10(lr)：", " ".join(f"{v:.2f}" for v in np.sort(rand[:, 0])))
# > 网格试过的 log10(lr)： -5.00 -3.00 -1.00
# > 随机试过的 log10(lr)： -4.84 -2.83 -2.57 -2.45 -2.08 -1.75 -1.74 -1.57 -1.55

best_grid = val_loss(grid[:, 0], grid[:, 1]).min()
# 随机搜索有运气成分：重复 1000 次，看它的最好结果
reps = rng.uniform(lo, hi, size=(1000, 9, 2))
best_rand = val_loss(reps[..., 0], reps[..., 1]).min(axis=1)
win = (best_rand < best_grid).mean()
print(f"网格的最好损失 {best_grid:.3f}；随机搜索最好损失的中位数 {np.median(best_rand):.3f}")
print(f"随机搜索胜过网格的比例 {win:.2f}")
# > 网格的最好损失 0.160；随机搜索最好损失的中位数 0.023
# > 随机搜索胜过网格的比例 0.86

# 检查 1：网格在每个维度上只有 3 个不同取值，随机搜索有 9 个
assert len(np.unique(grid[:, 0])) == 3 and len(np.unique(grid[:, 1])) == 3
assert len(np.unique(rand[:, 0])) == 9 and len(np.unique(rand[:, 1])) == 9
# 检查 2：只有一个超参数重要时，随机搜索在绝大多数重复中胜过网格
assert win > 0.8 and np.median(best_rand) < best_grid / 4
# 检查 3：与理论值一致。网格最好的点 log10(lr) = -3，离最优 0.4；一个随机点落进 [-3.0, -2.2]
# 的概率是 0.8/4 = 0.2，9 个点里至少一个落进去（几乎就等于胜过网格）的概率是 1 - 0.8⁹ ≈ 0.87
assert abs(win - (1 - 0.8**9)) < 0.03
# 检查 4：上面的 86% 依赖最优值恰好落在 -2.6（离网格点 -3 有 0.4）。让最优值在 [-5, -1] 上均匀随机：
# 它到最近网格点的距离 D 在 [0, 1] 上均匀，一个随机点比网格更近的概率是 D/2（区间 [-5, -1] 长 4，
# 且 x*±D 不会越界），9 个点里至少一个更近的概率是 1 - E[(1 - D/2)⁹] = 1 - 0.2·(1 - 2⁻¹⁰) ≈ 0.80
best_at = rng.uniform(-5.0, -1.0, size=4000)
grid_best = val_loss(grid[None, :, 0], grid[None, :, 1], best_at[:, None]).min(axis=1)
trials = rng.uniform(lo, hi, size=(4000, 9, 2))
rand_best = val_loss(trials[..., 0], trials[..., 1], best_at[:, None]).min(axis=1)
win_any = (rand_best < grid_best).mean()
print(f"最优值位置也随机时，随机搜索胜过网格的比例 {win_any:.2f}")
# > 最优值位置也随机时，随机搜索胜过网格的比例 0.80
assert abs(win_any - (1 - 0.2 * (1 - 2.0**-10))) < 0.03
# 检查 5：一个常见的经验法则：若“足够好”的区域占搜索空间的 5%，随机试 60 次，
# 至少一次落进去的概率是 1 - 0.95⁶⁰ ≈ 0.954（与维数无关）；
# 分别在 1、3、10 维空间里放一个体积 5% 的小立方体模拟验证
for dim in (1, 3, 10):
    inside = (rng.uniform(size=(4000, 60, dim)) < 0.05 ** (1 / dim)).all(axis=-1)
    assert abs(inside.any(axis=1).mean() - (1 - 0.95**60)) < 0.02
