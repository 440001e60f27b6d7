"""负例的采样分布 P_n(w) ∝ f(w)^0.75：高频词的概率降低、低频词升高；
用 torch.multinomial 抽样核对频率。
再看高频词下采样：丢弃概率 1 - sqrt(t / f)，保留下来的频率正比于 sqrt(f)。"""

import torch

torch.manual_seed(0)
counts = torch.tensor([5000.0, 1500.0, 500.0, 150.0, 50.0, 15.0, 5.0], dtype=torch.float64)
f = counts / counts.sum()  # 一元（unigram）分布：词频


def noise_dist(f: torch.Tensor, alpha: float) -> torch.Tensor:
    p = f**alpha
    return p / p.sum()


P_n = noise_dist(f, 0.75)
print([round(x, 4) for x in f.tolist()])
# > [0.6925, 0.2078, 0.0693, 0.0208, 0.0069, 0.0021, 0.0007]
print([round(x, 4) for x in P_n.tolist()])
# > [0.5864, 0.2377, 0.1043, 0.0423, 0.0185, 0.0075, 0.0033]

# 按 P_n 抽 20000 个负例（固定种子的生成器）
g = torch.Generator().manual_seed(0)
samples = torch.multinomial(P_n, 20000, replacement=True, generator=g)
freq = torch.bincount(samples, minlength=len(f)).double() / 20000

# 高频词下采样（Mikolov 等 2013）：t 是阈值（大语料常取 1e-5，这里词表小，取 0.01）
t = 0.01
P_discard = (1 - torch.sqrt(t / f)).clamp(min=0)
print([round(x, 3) for x in P_discard.tolist()])
# > [0.88, 0.781, 0.62, 0.306, 0.0, 0.0, 0.0]

# 检查 1：0.75 次方压低了最高频的词，其余词都被抬高；排序不变
assert P_n[0] < f[0] and (P_n[1:] > f[1:]).all()
assert torch.equal(P_n.argsort(), f.argsort())
# 检查 2：任意两词的概率比被压缩成原来的 0.75 次方：1000 倍 → 约 178 倍
torch.testing.assert_close(P_n[0] / P_n[-1], (f[0] / f[-1]) ** 0.75)
# 检查 3：α 从 1（按词频）到 0（均匀分布），分布的熵单调增加，0.75 介于两者之间
H = [-(p * p.log()).sum().item() for p in (noise_dist(f, a) for a in (1.0, 0.75, 0.5, 0.0))]
assert sorted(H) == H
torch.testing.assert_close(noise_dist(f, 0.0), torch.full_like(f, 1 / len(f)))
# 检查 4：抽样的经验频率接近 P_n
assert (freq - P_n).abs().max() < 0.01
# 检查 5：频率不超过 t 的词一个也不丢；超过 t 的词保留下来的频率 f·(1 - P_discard) = sqrt(t·f)
assert (P_discard[f <= t] == 0).all()
high = f > t
torch.testing.assert_close(f[high] * (1 - P_discard[high]), torch.sqrt(t * f[high]))
