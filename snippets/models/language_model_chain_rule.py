"""链式法则是恒等式：任意联合分布都能精确写成逐词条件概率的连乘。
反过来，每一步都归一化的自回归模型给出的句子概率之和为 1（句子要以结束符 </s> 收尾）。"""

import itertools

import torch

torch.manual_seed(0)
V = 3  # 词表 {0, 1, 2}，句子长度固定为 3

# 一个任意的联合分布 P(w1, w2, w3)
joint = torch.rand(V, V, V, dtype=torch.float64)
joint = joint / joint.sum()

# 从联合分布算出各个条件分布
p1 = joint.sum(dim=(1, 2))  # P(w1)
p12 = joint.sum(dim=2)  # P(w1, w2)
p2_given_1 = p12 / p1[:, None]  # P(w2 | w1)
p3_given_12 = joint / p12[:, :, None]  # P(w3 | w1, w2)
chain = p1[:, None, None] * p2_given_1[:, :, None] * p3_given_12

# 一个二元（bigram）自回归模型：词表 {a, b, </s>}，每一步给出下一个词的分布
BOS, EOS = "<s>", "</s>"
P_next = {
    BOS: {"a": 0.6, "b": 0.4, EOS: 0.0},
    "a": {"a": 0.2, "b": 0.5, EOS: 0.3},
    "b": {"a": 0.4, "b": 0.1, EOS: 0.5},
}


def sentence_prob(words: tuple[str, ...]) -> float:
    """P(w_1..w_n </s>) = Π_t P(w_t | w_{t-1})，最后乘上生成结束符的概率。"""
    p, prev = 1.0, BOS
    for w in (*words, EOS):
        p, prev = p * P_next[prev][w], w
    return p


# 长度不超过 L 的所有句子的概率之和，与“L 步之后还没结束”的概率
L = 12
total = sum(sentence_prob(s) for n in range(1, L + 1) for s in itertools.product("ab", repeat=n))
alive = {w: P_next[BOS][w] for w in "ab"}  # 生成了 n 个词都还没结束、最后一个词是 w 的概率
for _ in range(L):  # n = 1 → L + 1
    alive = {w: sum(alive[u] * P_next[u][w] for u in "ab") for w in "ab"}
print(f"长度 ≤ {L} 的句子概率之和 {total:.4f}，尚未结束的概率 {sum(alive.values()):.4f}")
# > 长度 ≤ 12 的句子概率之和 0.9978，尚未结束的概率 0.0022

# 对照：如果不预测 </s>（只在 a、b 里归一化），每一种长度的句子概率之和都是 1，
# 长度 1 和长度 2 加起来就是 2，不再是一个概率分布
no_eos = {u: {w: P_next[u][w] / (P_next[u]["a"] + P_next[u]["b"]) for w in "ab"} for u in P_next}
len1 = sum(no_eos[BOS][w] for w in "ab")
len2 = sum(no_eos[BOS][w1] * no_eos[w1][w2] for w1 in "ab" for w2 in "ab")

# 检查 1：链式法则精确成立（不是近似），条件分布各自归一化
torch.testing.assert_close(chain, joint)
torch.testing.assert_close(p2_given_1.sum(dim=1), torch.ones(V, dtype=torch.float64))
torch.testing.assert_close(p3_given_12.sum(dim=2), torch.ones(V, V, dtype=torch.float64))
# 检查 2：每行都是概率分布的自回归模型，所有句子的概率之和 = 1 - 还没结束的概率 → 1
assert all(abs(sum(row.values()) - 1) < 1e-12 for row in P_next.values())
assert abs(total + sum(alive.values()) - 1) < 1e-12
# 检查 3：没有 </s> 时，长度 1、长度 2 的句子各自的概率之和都是 1
assert abs(len1 - 1) < 1e-12 and abs(len2 - 1) < 1e-12
