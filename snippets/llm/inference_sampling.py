"""解码采样器：温度、top-k、top-p（核采样）。
top-p 对照暴力枚举，温度 → 0 等于贪心，采样频率对照理论分布。"""

import itertools

import torch

torch.manual_seed(0)
V = 8
logits = torch.randn(V, dtype=torch.float64) * 1.5


def temperature_probs(z, T):
    return torch.softmax(z / T, dim=-1)


def top_k_filter(z, k):
    """只保留 logit 最大的 k 个，其余置 -inf。"""
    kth = torch.sort(z, descending=True).values[k - 1]
    return z.masked_fill(z < kth, float("-inf"))


def top_p_filter(z, p):
    """按概率从大到小排，保留累计概率第一次达到 p 的最短前缀（核）。"""
    probs = torch.softmax(z, dim=-1)
    sp, idx = torch.sort(probs, descending=True)
    before = torch.cumsum(sp, dim=-1) - sp  # 每个词之前的累计概率
    keep_sorted = before < p  # 前面的还没达到 p，这个词就要留下
    keep = torch.zeros(V, dtype=torch.bool)
    keep[idx[keep_sorted]] = True
    return z.masked_fill(~keep, float("-inf"))


probs = torch.softmax(logits, dim=-1)
print("概率:", [round(x, 3) for x in probs.tolist()])
# > 概率: [0.537, 0.034, 0.002, 0.125, 0.01, 0.007, 0.097, 0.187]

# 检查 1：top-k 留下的正是 torch.topk 的 k 个词
for k in range(1, V + 1):
    kept = torch.isfinite(top_k_filter(logits, k)).nonzero().flatten()
    assert set(kept.tolist()) == set(torch.topk(logits, k).indices.tolist())


# 检查 2：top-p 的核 = 暴力枚举所有 2^V 个子集里“总概率 ≥ p 的最小子集”
# （同样大小的子集里取总概率最大的，它就是概率最大的那几个词）
def brute_force_nucleus(pr, p):
    """从小到大试所有子集，返回第一个（最小的）总概率 ≥ p 的子集；同样大小里取总概率最大的。"""
    for r in range(1, V + 1):
        sets = [S for S in itertools.combinations(range(V), r) if pr[list(S)].sum() >= p]
        if sets:
            return max(sets, key=lambda S: pr[list(S)].sum())


for p in (0.5, 0.7, 0.8, 0.9, 0.95, 0.99):
    best = brute_force_nucleus(probs, p)
    kept = set(torch.isfinite(top_p_filter(logits, p)).nonzero().flatten().tolist())
    assert kept == set(best), (p, kept, best)
    print(f"p={p}: 保留 {len(kept)} 个词，质量 {probs[list(best)].sum():.3f}")
# > p=0.5: 保留 1 个词，质量 0.537
# > p=0.7: 保留 2 个词，质量 0.724
# > p=0.8: 保留 3 个词，质量 0.849
# > p=0.9: 保留 4 个词，质量 0.947
# > p=0.95: 保留 5 个词，质量 0.981
# > p=0.99: 保留 6 个词，质量 0.991

# 检查 3：温度 → 0 时分布趋于 argmax 处的独热向量，采样结果就是贪心
greedy = logits.argmax().item()
cold = temperature_probs(logits, 1e-3)
assert cold[greedy] > 1 - 1e-12
assert (torch.multinomial(cold, 1000, replacement=True) == greedy).all()
# top-k 取 k=1、top-p 取很小的 p，也都退化为贪心
assert torch.isfinite(top_k_filter(logits, 1)).nonzero().item() == greedy
assert torch.isfinite(top_p_filter(logits, 1e-9)).nonzero().item() == greedy
# 温度不改变词的排序，只改变分布的尖锐程度（熵随 T 增大）
order = torch.argsort(logits, descending=True)
ents = []
for T in (0.3, 0.7, 1.0, 2.0, 5.0):
    pt = temperature_probs(logits, T)
    assert torch.equal(torch.argsort(pt, descending=True), order)
    ents.append(-(pt * pt.log()).sum().item())
assert ents == sorted(ents)
# 温度很高时趋于均匀分布
assert torch.allclose(
    temperature_probs(logits, 1e6), torch.full((V,), 1 / V, dtype=torch.float64), atol=1e-5
)


# 检查 4：完整的采样器（先除以温度，再 top-p，再用均匀随机数按累积分布抽词）跑 20 万次，
# 频率对照独立算出的理论分布：在 softmax(z/T) 上暴力枚举出核，核内重新归一化
def sample(z, T, p, u):
    pr = torch.softmax(top_p_filter(z / T, p), dim=-1)
    cdf = torch.cumsum(pr, dim=-1)
    return torch.searchsorted(cdf, u * cdf[-1], right=True).clamp(max=V - 1)


T, p, n = 0.7, 0.9, 200_000
probs_T = temperature_probs(logits, T)
nucleus = list(brute_force_nucleus(probs_T, p))
theory = torch.zeros(V, dtype=torch.float64)
theory[nucleus] = probs_T[nucleus] / probs_T[nucleus].sum()
draws = sample(logits, T, p, torch.rand(n, dtype=torch.float64))
freq = torch.bincount(draws, minlength=V).double() / n
sd = (0.25 / n) ** 0.5  # 频率标准差的上界
assert (freq[theory == 0] == 0).all()  # 核外的词一次也没被采到
assert (freq - theory).abs().max() < 5 * sd  # 每个词都在 5 个标准差以内
# 顺序要紧：先在 T=1 的分布上取核、再除以温度，核更大，分布明显不同，采样结果对不上它
wrong_order = temperature_probs(top_p_filter(logits, p), T)
assert (freq - wrong_order).abs().max() > 20 * sd
n_wrong = int(torch.isfinite(top_p_filter(logits, p)).sum())
print(f"T={T}、p={p}：先温度后 top-p 保留 {len(nucleus)} 个词，先 top-p 后温度保留 {n_wrong} 个词")
# > T=0.7、p=0.9：先温度后 top-p 保留 3 个词，先 top-p 后温度保留 4 个词
