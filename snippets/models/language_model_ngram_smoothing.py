"""二元（bigram）语言模型：最大似然估计就是数频次再归一化；没见过的二元组概率为 0，
测试句概率为 0、困惑度无穷大；加一（Laplace）平滑后每个条件分布仍然和为 1，而且不再有 0。"""

import math
from collections import Counter
from itertools import pairwise

import torch

torch.manual_seed(0)
train = ["我 喜欢 猫", "我 喜欢 狗", "猫 喜欢 鱼", "狗 喜欢 骨头", "我 养 猫"]
test = ["我 养 狗", "猫 喜欢 骨头"]  # “养 狗”“猫 喜欢 骨头”里有训练集没出现过的二元组


def bigrams(sentence: str) -> list[tuple[str, str]]:
    w = ["<s>", *sentence.split(), "</s>"]
    return list(pairwise(w))


words = sorted({w for s in train for w in s.split()})
prev_vocab = ["<s>", *words]  # 条件（上一个词）
next_vocab = [*words, "</s>"]  # 被预测的词：V 个
V = len(next_vocab)
pi, ni = {w: i for i, w in enumerate(prev_vocab)}, {w: i for i, w in enumerate(next_vocab)}

# 频次矩阵 C[上一个词, 下一个词]
C = torch.zeros(len(prev_vocab), V, dtype=torch.float64)
for s in train:
    for a, b in bigrams(s):
        C[pi[a], ni[b]] += 1

P_mle = C / C.sum(dim=1, keepdim=True)  # P(b | a) = c(a, b) / c(a)
P_add1 = (C + 1) / (C.sum(dim=1, keepdim=True) + V)  # 加一平滑


def perplexity(P: torch.Tensor, sentences: list[str]) -> float:
    """exp(-平均 log P)；句末的 </s> 也算一个要预测的词。"""
    logps = [
        math.log(P[pi[a], ni[b]].item()) if P[pi[a], ni[b]] > 0 else -math.inf
        for s in sentences
        for a, b in bigrams(s)
    ]
    return math.exp(-sum(logps) / len(logps))


print(f"V={V}，MLE 困惑度 {perplexity(P_mle, test)}，加一平滑 {perplexity(P_add1, test):.3f}")
# > V=8，MLE 困惑度 inf，加一平滑 5.448
print(f"P(猫|喜欢)：MLE {P_mle[pi['喜欢'], ni['猫']]:.3f}，加一 {P_add1[pi['喜欢'], ni['猫']]:.3f}")
# > P(猫|喜欢)：MLE 0.250，加一 0.167

# 检查 1：频次与 collections.Counter 数出来的一致
counter = Counter(bg for s in train for bg in bigrams(s))
assert all(C[pi[a], ni[b]] == n for (a, b), n in counter.items())
assert C.sum() == sum(counter.values())
# 检查 2：MLE 与平滑后的每个条件分布 P(· | a) 都和为 1
ones = torch.ones(len(prev_vocab), dtype=torch.float64)
torch.testing.assert_close(P_mle.sum(dim=1), ones)
torch.testing.assert_close(P_add1.sum(dim=1), ones)
# 检查 3：MLE 给没见过的二元组概率 0，测试集困惑度无穷大；平滑后没有 0，困惑度有限
assert P_mle[pi["养"], ni["狗"]] == 0 and perplexity(P_mle, test) == math.inf
assert (P_add1 > 0).all() and perplexity(P_add1, test) < V  # 也好于均匀瞎猜（困惑度 V）
# 检查 4：平滑把概率“匀”给没见过的二元组：没见过的变大；见过的变小（这里它们的 MLE 概率都大于 1/V）
seen = C > 0
assert (P_add1[seen] < P_mle[seen]).all() and (P_add1[~seen] > P_mle[~seen]).all()
