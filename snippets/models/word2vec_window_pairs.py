"""从一句话生成训练样本：skip-gram 的（中心词, 上下文词）对、CBOW 的（上下文, 中心词）样本；
并对比 one-hot 与稠密词向量：one-hot 两两正交，查嵌入表 = one-hot 乘矩阵。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

sentence = ["我", "爱", "自然", "语言", "处理"]  # T = 5 个词
c = 2  # 窗口半径：中心词左右各看 c 个词


def skipgram_pairs(tokens: list[str], c: int) -> list[tuple[str, str]]:
    """每个位置 t 的中心词，与窗口 [t-c, t+c] 内除自己以外的每个词组成一对。"""
    pairs = []
    for t, center in enumerate(tokens):
        for j in range(max(0, t - c), min(len(tokens), t + c + 1)):
            if j != t:
                pairs.append((center, tokens[j]))
    return pairs


def cbow_samples(tokens: list[str], c: int) -> list[tuple[list[str], str]]:
    """每个位置一个样本：窗口内的上下文词（一组）→ 中心词。"""
    T = len(tokens)
    return [
        (tokens[max(0, t - c) : t] + tokens[t + 1 : min(T, t + c + 1)], tokens[t]) for t in range(T)
    ]


pairs = skipgram_pairs(sentence, c)
print(len(pairs), pairs[:4])
# > 14 [('我', '爱'), ('我', '自然'), ('爱', '我'), ('爱', '自然')]
samples = cbow_samples(sentence, c)
print(len(samples), samples[2])
# > 5 (['我', '爱', '语言', '处理'], '自然')

# one-hot：V 维、只有一个 1；稠密向量：d 维（d 远小于 V）、每一维都是学出来的实数
vocab = {w: i for i, w in enumerate(sentence)}
V, d = len(vocab), 3
one_hot = F.one_hot(torch.arange(V), V).float()  # (V, V)
E = nn.Embedding(V, d)  # 嵌入表 (V, d)

# 检查 1：T > c 时，skip-gram 的样本对数 = Σ_t（左边能看到的词数 + 右边能看到的词数）= 2cT - c(c+1)
for T in range(c + 1, 12):
    assert len(skipgram_pairs(list(range(T)), c)) == 2 * c * T - c * (c + 1)
# 检查 2：CBOW 每个位置一个样本，上下文词的总数正好等于 skip-gram 的样本对数（同样的共现，分组不同）
assert len(samples) == len(sentence)
assert sum(len(ctx) for ctx, _ in samples) == len(pairs)
# 检查 3：one-hot 两两正交，任意两个不同的词余弦相似度都是 0，看不出“谁和谁更像”
torch.testing.assert_close(one_hot @ one_hot.T, torch.eye(V))
# 检查 4：查嵌入表取第 i 行，等于 one-hot 向量乘嵌入矩阵（没有偏置的全连接层）
ids = torch.tensor([vocab["自然"], vocab["语言"]])
torch.testing.assert_close(E(ids), F.one_hot(ids, V).float() @ E.weight)
