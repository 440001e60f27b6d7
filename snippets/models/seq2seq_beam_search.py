"""束搜索（beam search）与贪心解码：在固定的条件概率表上比较，束宽 1 就是贪心。"""

import math

import torch

torch.manual_seed(0)
EOS, MAX_LEN = "</s>", 3
Table = dict[str, dict[str, float]]

# 一个玩具“解码器”：下一个词的分布只取决于上一个词（<s> 表示句首）
P: Table = {
    "<s>": {"A": 0.5, "B": 0.4, EOS: 0.1},
    "A": {"A": 0.4, "B": 0.3, EOS: 0.3},
    "B": {"A": 0.05, "B": 0.05, EOS: 0.9},
}


def next_log_probs(P: Table, seq: tuple[str, ...]) -> dict[str, float]:
    return {w: math.log(p) for w, p in P[seq[-1] if seq else "<s>"].items()}


def finished(seq: tuple[str, ...], max_len: int) -> bool:
    return len(seq) == max_len or (len(seq) > 0 and seq[-1] == EOS)


def greedy(P: Table, max_len: int) -> tuple[tuple[str, ...], float]:
    seq, score = (), 0.0
    while not finished(seq, max_len):
        w, lp = max(next_log_probs(P, seq).items(), key=lambda kv: kv[1])  # 每步取最大的
        seq, score = (*seq, w), score + lp
    return seq, score


def beam_search(P: Table, k: int, max_len: int) -> tuple[tuple[str, ...], float]:
    beams = [((), 0.0)]  # (前缀, 对数概率之和)；用对数相加代替概率连乘，避免下溢
    while not all(finished(seq, max_len) for seq, _ in beams):
        candidates = []
        for seq, score in beams:
            if finished(seq, max_len):
                candidates.append((seq, score))  # 已结束的假设原样参与排序
            else:
                candidates += [((*seq, w), score + lp) for w, lp in next_log_probs(P, seq).items()]
        beams = sorted(candidates, key=lambda b: b[1], reverse=True)[:k]  # 只留 k 个最好的
    return beams[0]


def all_sequences(P: Table, max_len: int, seq: tuple[str, ...] = (), score: float = 0.0) -> list:
    """穷举所有完整序列及其对数概率（只在这么小的表上可行：个数随长度指数增长）。"""
    if finished(seq, max_len):
        return [(seq, score)]
    return [
        s
        for w, lp in next_log_probs(P, seq).items()
        for s in all_sequences(P, max_len, (*seq, w), score + lp)
    ]


seq_g, lp_g = greedy(P, MAX_LEN)
seq_b, lp_b = beam_search(P, k=2, max_len=MAX_LEN)
print(" ".join(seq_g), f"{math.exp(lp_g):.2f}", "|", " ".join(seq_b), f"{math.exp(lp_b):.2f}")
# > A A A 0.08 | B </s> 0.36

# 在 100 张随机概率表上统计：谁找到了概率最大的序列
vocab = ["A", "B", "C", EOS]
hits = {"greedy": 0, "beam2": 0, "beam3": 0}
for _ in range(100):
    probs = torch.rand(4, 4) ** 3  # 立方让分布更尖，更像真实模型
    probs = (probs / probs.sum(dim=1, keepdim=True)).tolist()
    R = {
        prev: dict(zip(vocab, row, strict=True))
        for prev, row in zip(["<s>", *vocab[:3]], probs, strict=True)
    }
    best = max(lp for _, lp in all_sequences(R, 4))
    g, b2, b3 = greedy(R, 4), beam_search(R, 2, 4), beam_search(R, 3, 4)
    hits["greedy"] += math.isclose(g[1], best)
    hits["beam2"] += math.isclose(b2[1], best)
    hits["beam3"] += math.isclose(b3[1], best)
    # 检查（每张表）：束宽 1 就是贪心；束宽足够大（不剪枝）就是穷举
    assert beam_search(R, 1, 4) == g
    assert math.isclose(beam_search(R, 10**4, 4)[1], best)
print(hits)
# > {'greedy': 66, 'beam2': 90, 'beam3': 97}

# 检查：构造的例子里贪心先选了概率大的 A，之后每步都只有 0.4；束搜索保留 B，找到了 0.36
assert seq_g == ("A", "A", "A") and seq_b == ("B", EOS)
assert lp_b > lp_g
# 检查：这张表上 B </s> 就是全局最优；所有完整序列的概率之和为 1
seqs = all_sequences(P, MAX_LEN)
assert max(seqs, key=lambda s: s[1])[0] == seq_b
assert math.isclose(sum(math.exp(lp) for _, lp in seqs), 1.0)
# 检查：束宽越大越常找到最优，但贪心与束搜索都不保证最优
assert hits["greedy"] < hits["beam2"] <= hits["beam3"] < 100
