"""排序与校准指标：NDCG@K、MRR、GAUC、对数损失与 AUC、ECE，每个都用两种独立的算法互相核对。"""

import itertools

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(0)


# ---------- NDCG@K ----------
def ndcg_sort(scores: np.ndarray, rel: np.ndarray, k: int) -> float:
    """按分数排序取前 K 个；理想排序 = 按相关度排序。"""
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    dcg = ((2.0 ** rel[np.argsort(-scores)][:k] - 1) * disc).sum()
    idcg = ((2.0 ** np.sort(rel)[::-1][:k] - 1) * disc).sum()
    return dcg / idcg


def ndcg_brute(scores: np.ndarray, rel: np.ndarray, k: int) -> float:
    """名次 = 1 + 分数比它高的个数；IDCG 穷举所有排列取最大。"""
    rank = 1 + (scores[None, :] > scores[:, None]).sum(1)
    dcg = sum((2.0 ** rel[i] - 1) / np.log2(rank[i] + 1) for i in range(len(rel)) if rank[i] <= k)
    idcg = max(
        sum((2.0 ** rel[i] - 1) / np.log2(r + 2) for r, i in enumerate(perm[:k]))
        for perm in itertools.permutations(range(len(rel)))
    )
    return dcg / idcg


rel = np.array([3, 0, 2, 1, 0, 2])  # 6 个候选的分级相关度
scores = np.array([0.2, 0.9, 0.8, 0.1, 0.4, 0.7])
for k in (1, 3, 6):
    assert np.isclose(ndcg_sort(scores, rel, k), ndcg_brute(scores, rel, k))
print(f"NDCG@3 = {ndcg_sort(scores, rel, 3):.3f}")
# > NDCG@3 = 0.326


# ---------- MRR ----------
def mrr_sort(S: np.ndarray, R: np.ndarray) -> float:
    return np.mean(
        [1.0 / (1 + np.flatnonzero(r[np.argsort(-s)])[0]) for s, r in zip(S, R, strict=True)]
    )


def mrr_count(S: np.ndarray, R: np.ndarray) -> float:
    """第一个相关物品 = 分数最高的相关物品；它的名次 = 1 + 比它分数高的物品个数。"""
    return np.mean([1.0 / (1 + (s > s[r == 1].max()).sum()) for s, r in zip(S, R, strict=True)])


S = rng.normal(size=(200, 20))  # 200 个查询，各 20 个候选
R = (rng.random((200, 20)) < 0.1).astype(int)
R[:, 0] = 1  # 保证每个查询至少一个相关物品
assert np.isclose(mrr_sort(S, R), mrr_count(S, R))
print(f"MRR = {mrr_sort(S, R):.3f}")
# > MRR = 0.305


# ---------- AUC 与 GAUC ----------
def auc_pairs(s: np.ndarray, y: np.ndarray) -> float:
    """正负对里正例分数更高的比例，并列记一半。"""
    d = s[y == 1][:, None] - s[y == 0][None, :]
    return (d > 0).mean() + 0.5 * (d == 0).mean()


def auc_ranks(s: np.ndarray, y: np.ndarray) -> float:
    """Mann–Whitney：并列取平均名次。"""
    r = np.empty(len(s))
    r[np.argsort(s, kind="stable")] = np.arange(1, len(s) + 1)
    for v in np.unique(s):
        r[s == v] = r[s == v].mean()
    n1, n0 = (y == 1).sum(), (y == 0).sum()
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def gauc(user: np.ndarray, s: np.ndarray, y: np.ndarray, auc) -> float:
    """按用户算 AUC，再按曝光数加权平均；全是正例或全是负例的用户跳过。"""
    num = den = 0.0
    for u in np.unique(user):
        m = user == u
        if 0 < y[m].sum() < m.sum():
            num += m.sum() * auc(s[m], y[m])
            den += m.sum()
    return num / den


user = rng.integers(0, 30, size=600)
ctr = rng.uniform(0.05, 0.6, size=30)[user]  # 每个用户自己的点击率
y = (rng.random(600) < ctr).astype(int)
s = np.round(ctr + 0.15 * (y - 0.5) + rng.normal(0, 0.1, 600), 2)  # 保留两位小数，故意制造并列分数
assert np.isclose(auc_pairs(s, y), auc_ranks(s, y))
assert np.isclose(gauc(user, s, y, auc_pairs), gauc(user, s, y, auc_ranks))
print(f"AUC {auc_pairs(s, y):.3f}  GAUC {gauc(user, s, y, auc_pairs):.3f}")
# > AUC 0.838  GAUC 0.823

# 只会按用户活跃度打分、对同一用户的物品毫无区分力的模型：全局 AUC 仍然明显高于 0.5，GAUC 恰好 0.5
s_user = ctr.copy()
assert gauc(user, s_user, y, auc_pairs) == 0.5  # 每个用户内部全是并列，AUC 恰为 0.5
print(f"只看用户：AUC {auc_pairs(s_user, y):.3f}  GAUC {gauc(user, s_user, y, auc_ranks):.3f}")
# > 只看用户：AUC 0.722  GAUC 0.500


# ---------- 对数损失 vs AUC：单调变换 ----------
def logloss(p: np.ndarray, y: np.ndarray) -> float:
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


p = np.clip(s, 0.01, 0.99)
z = np.log(p / (1 - p))
p2 = 1 / (1 + np.exp(-(3 * z - 1)))  # 严格递增的变换：logit 乘 3 再减 1
for pp in (p, p2):  # 手写对数损失与 F.binary_cross_entropy 一致
    ref = F.binary_cross_entropy(torch.tensor(pp), torch.tensor(y, dtype=torch.float64))
    assert np.isclose(logloss(pp, y), ref.item())
assert auc_pairs(p, y) == auc_pairs(p2, y)  # 排序没变，AUC 完全相同
print(f"对数损失 {logloss(p, y):.3f} → {logloss(p2, y):.3f}")
# > 对数损失 0.464 → 0.708


# ---------- ECE ----------
def ece_bins(p: np.ndarray, y: np.ndarray, M: int = 10) -> float:
    """Σ_b (n_b / n) |平均预测 − 实际点击率|。"""
    b = np.minimum((p * M).astype(int), M - 1)
    return sum((b == j).mean() * abs(p[b == j].mean() - y[b == j].mean()) for j in np.unique(b))


def ece_resid(p: np.ndarray, y: np.ndarray, M: int = 10) -> float:
    """同一个量的另一种写法：(1/n) Σ_b |Σ_{i∈b} (p_i − y_i)|，用 bincount 一次分箱累加。"""
    b = np.minimum((p * M).astype(int), M - 1)
    return np.abs(np.bincount(b, weights=p - y, minlength=M)).sum() / len(p)


for pp in (p, p2):
    assert np.isclose(ece_bins(pp, y), ece_resid(pp, y))
# 闭式：所有预测都是常数 c 时，ECE = |c − 正例比例|
assert np.isclose(ece_bins(np.full(600, 0.3), y), abs(0.3 - y.mean()))
print(f"ECE {ece_bins(p, y):.2f} → {ece_bins(p2, y):.2f}")
# > ECE 0.07 → 0.17
