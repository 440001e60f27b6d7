"""分层 K 折：每一折里每个类别的个数与 n_c/K 相差不到 1；类别不平衡时普通 K 折做不到。"""

import itertools
import math

import torch

torch.manual_seed(0)


def stratified_folds(y: torch.Tensor, K: int) -> torch.Tensor:
    """返回每个样本的折号：各类别内部先打乱，再按类别排成一列，依次轮流分到第 0, 1, …, K-1 折。"""
    by_class = [torch.nonzero(y == c).squeeze(1) for c in torch.unique(y)]
    order = torch.cat([idx[torch.randperm(len(idx))] for idx in by_class])
    fold = torch.empty(len(y), dtype=torch.long)
    fold[order] = torch.arange(len(y)) % K
    return fold


def plain_folds(n: int, K: int) -> torch.Tensor:
    """普通 K 折：整体打乱后轮流分折。"""
    fold = torch.empty(n, dtype=torch.long)
    fold[torch.randperm(n)] = torch.arange(n) % K
    return fold


# 不平衡的二分类：100 个样本里只有 10 个正类；5 折时每折“应该”有 2 个正类
y = torch.zeros(100, dtype=torch.long)
y[:10] = 1
K = 5
strat, plain = stratified_folds(y, K), plain_folds(len(y), K)
print("分层 K 折，每折的正类数：", torch.bincount(strat[y == 1], minlength=K).tolist())
print("普通 K 折，每折的正类数：", torch.bincount(plain[y == 1], minlength=K).tolist())
# 普通 K 折重复 200 次：有多少次出现正类数为 0 或 ≥ 4（偏离 2 超过 1）的折
off = 0
for _ in range(200):
    pos = torch.bincount(plain_folds(len(y), K)[y == 1], minlength=K)
    off += int(((pos - 2).abs() > 1).any())
print(f"普通 K 折：200 次里有 {off} 次出现这样的折")
# > 分层 K 折，每折的正类数： [2, 2, 2, 2, 2]
# > 普通 K 折，每折的正类数： [1, 1, 3, 2, 3]
# > 普通 K 折：200 次里有 132 次出现这样的折

# 检查 1：分层后，每一折里每个类别的个数都与 n_c / K 相差不到 1，各折大小最多差 1
for labels in (y, torch.randint(0, 3, (37,))):  # 再试一个三分类、除不尽的例子
    fold = stratified_folds(labels, K)
    for c in torch.unique(labels):
        n_c = int((labels == c).sum())
        counts = torch.bincount(fold[labels == c], minlength=K)
        assert ((counts - n_c / K).abs() < 1).all()
    sizes = torch.bincount(fold, minlength=K)
    assert sizes.max() - sizes.min() <= 1 and sizes.sum() == len(labels)
# 检查 2：与精确概率一致。普通 K 折里 10 个正类落进 5 个各 20 人的折，服从多元超几何分布：
#         (c_1, …, c_5) 的概率是 Π C(20, c_i) / C(100, 10)；枚举所有分法，求“有一折是 0 个或 ≥ 4 个”
exact = sum(
    math.prod(math.comb(20, c) for c in counts) / math.comb(100, 10)
    for counts in itertools.product(range(11), repeat=K)
    if sum(counts) == 10 and any(c == 0 or c >= 4 for c in counts)
)
print(f"精确概率 {exact:.3f}，模拟 {off / 200:.3f}")
# > 精确概率 0.634，模拟 0.660
assert abs(off / 200 - exact) < 0.1 and exact > 0.5
