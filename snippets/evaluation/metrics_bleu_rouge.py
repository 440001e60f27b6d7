"""BLEU（Papineni 等 2002）与 ROUGE（Lin 2004）：数 n 元组（n-gram）的重叠。
BLEU 看候选译文的 n-gram 有多少出现在参考译文里（计数截断），1～4 阶取几何平均，再乘简短惩罚；
ROUGE-N 看参考的 n-gram 被覆盖了多少（召回），ROUGE-L 用最长公共子序列（LCS）。"""

import itertools
import math
from collections import Counter

import torch

torch.manual_seed(0)


def ngrams(words: list[str], n: int) -> Counter:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def clipped_counts(cand: list[str], refs: list[list[str]], n: int) -> tuple[int, int]:
    """修正的 n-gram 精确率的分子和分母：
    每个 n-gram 的计数截断到它在任何一条参考里出现的最多次数。"""
    counts = ngrams(cand, n)
    max_ref = Counter()
    for ref in refs:
        max_ref |= ngrams(ref, n)  # Counter 的 | 逐项取最大值
    return sum(min(c, max_ref[g]) for g, c in counts.items()), sum(counts.values())


def bleu(cand: list[str], refs: list[list[str]], max_n: int = 4) -> float:
    log_p = [
        math.log(k / total)
        for k, total in (clipped_counts(cand, refs, n) for n in range(1, max_n + 1))
    ]
    c = len(cand)
    r = min(
        (len(ref) for ref in refs), key=lambda length: (abs(length - c), length)
    )  # 最接近的参考长度
    brevity_penalty = 1.0 if c > r else math.exp(1 - r / c)
    return brevity_penalty * math.exp(sum(log_p) / max_n)  # 各阶精确率的几何平均 × 简短惩罚


def rouge_n(cand: list[str], ref: list[str], n: int) -> float:
    """ROUGE-N 召回率：参考里的 n-gram 有多少被候选覆盖（计数同样截断）。"""
    ref_counts = ngrams(ref, n)
    return sum((ref_counts & ngrams(cand, n)).values()) / sum(ref_counts.values())


def lcs_dp(a: list[str], b: list[str]) -> int:
    """最长公共子序列的长度：动态规划，L[i][j] 是 a[:i] 与 b[:j] 的 LCS 长度。"""
    L = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, j in itertools.product(range(len(a)), range(len(b))):
        L[i + 1][j + 1] = L[i][j] + 1 if a[i] == b[j] else max(L[i][j + 1], L[i + 1][j])
    return L[-1][-1]


def lcs_brute(a: list[str], b: list[str]) -> int:
    """另一种算法：枚举 a 的全部 2^len(a) 个子序列，留下也是 b 的子序列的，取最长。"""

    def is_subsequence(s: tuple, t: list[str]) -> bool:
        it = iter(t)
        return all(w in it for w in s)  # 在 t 里依次往后找 s 的每个词

    return max(
        k for k in range(len(a) + 1) for s in itertools.combinations(a, k) if is_subsequence(s, b)
    )


def rouge_l(cand: list[str], ref: list[str]) -> float:
    """ROUGE-L 的 F1：R = LCS / 参考长度，P = LCS / 候选长度。"""
    lcs = lcs_dp(cand, ref)
    R, P = lcs / len(ref), lcs / len(cand)
    return 2 * P * R / (P + R)


def tokenize(sentence: str) -> list[str]:
    return sentence.lower().rstrip(".").split()  # 小写、去掉句号、按空格切词


# Papineni 等（2002）论文中的例子：三条参考译文，两条候选译文
refs = [
    tokenize(
        "It is a guide to action that ensures that the military will forever heed Party commands."
    ),
    tokenize(
        "It is the guiding principle which guarantees the military forces always being under "
        "the command of the Party."
    ),
    tokenize("It is the practical guide for the army always to heed the directions of the party."),
]
cand1 = tokenize(
    "It is a guide to action which ensures that the military always obeys "
    "the commands of the party."
)
cand2 = tokenize(
    "It is to insure the troops forever hearing the activity guidebook that party direct."
)
for n in (1, 2):
    print(n, [f"{k}/{total}" for k, total in (clipped_counts(c, refs, n) for c in (cand1, cand2))])
# > 1 ['17/18', '8/14']
# > 2 ['10/17', '1/13']
print(f"BLEU = {bleu(cand1, refs):.3f}")
# > BLEU = 0.505

# 截断计数：同一个词重复 7 遍
the7 = ["the"] * 7
refs_cat = [tokenize("The cat is on the mat."), tokenize("There is a cat on the mat.")]
print(clipped_counts(the7, refs_cat, 1), clipped_counts(the7, refs_cat, 2))
# > (2, 7) (0, 6)

# Lin（2004）论文中的例子：两句与参考的 ROUGE-2 相同，ROUGE-L 能区分词序
ref = tokenize("police killed the gunman")
s2, s3 = tokenize("police kill the gunman"), tokenize("the gunman kill police")
print([round(f(s, ref), 4) for f in (lambda c, r: rouge_n(c, r, 2), rouge_l) for s in (s2, s3)])
# > [0.3333, 0.3333, 0.75, 0.5]

# 检查：修正的精确率与论文给出的 17/18、8/14、10/17、1/13 一致，“the”×7 的一元精确率 2/7、二元 0
assert [clipped_counts(c, refs, n) for n in (1, 2) for c in (cand1, cand2)] == [
    (17, 18),
    (8, 14),
    (10, 17),
    (1, 13),
]
assert clipped_counts(the7, refs_cat, 1) == (2, 7) and clipped_counts(the7, refs_cat, 2)[0] == 0
# 检查：不截断时“the”×7 的一元精确率是 7/7，满分
assert sum(c for g, c in ngrams(the7, 1).items() if any(g in ngrams(r, 1) for r in refs_cat)) == 7
# 检查：与另一个独立实现（NLTK 的 sentence_bleu）文档里对同一例子给出的 0.5045… 一致
assert 0.5045 <= bleu(cand1, refs) < 0.5046
# 检查：简短惩罚的闭式解。候选是参考 1 的前 12 个词：各阶精确率都是 1，最接近的参考长度 16，
# BLEU = exp(1 − 16/12)；一元召回（ROUGE-1）却只有 12/16，BLEU 偏精确率、ROUGE 偏召回
prefix = refs[0][:12]
assert abs(bleu(prefix, refs) - math.exp(1 - 16 / 12)) < 1e-12
assert abs(rouge_n(prefix, refs[0], 1) - 12 / 16) < 1e-12
# 检查：ROUGE-2 都是 1/3（只有 "the gunman" 对上），ROUGE-L 分别是 3/4 和 2/4
assert abs(rouge_n(s2, ref, 2) - 1 / 3) < 1e-12 and abs(rouge_n(s3, ref, 2) - 1 / 3) < 1e-12
assert abs(rouge_l(s2, ref) - 3 / 4) < 1e-12 and abs(rouge_l(s3, ref) - 2 / 4) < 1e-12
# 检查：LCS 的动态规划与暴力枚举在 50 对随机词序列上一致
for _ in range(50):
    a = [str(w) for w in torch.randint(0, 4, (int(torch.randint(1, 11, ())),)).tolist()]
    b = [str(w) for w in torch.randint(0, 4, (int(torch.randint(1, 11, ())),)).tolist()]
    assert lcs_dp(a, b) == lcs_brute(a, b)
assert lcs_dp(s3, ref) == lcs_brute(s3, ref) == 2
