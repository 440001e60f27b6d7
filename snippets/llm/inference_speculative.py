"""投机解码的接受规则：草稿词 x ~ q，以 min(1, p(x)/q(x)) 接受，
拒绝时从 norm(max(0, p − q)) 重采样，输出的分布恰好是目标模型的 p。
先在小词表上精确枚举，再用两个小马尔可夫“模型”模拟整个算法。"""

from fractions import Fraction

import numpy as np

rng = np.random.default_rng(0)
V = 5


def random_dist(size):
    w = rng.integers(1, 20, size=size)
    return [Fraction(int(x), int(w.sum())) for x in w]


# 1) 精确枚举（有理数，没有舍入误差）
p = random_dist(V)  # 目标（大）模型
q = random_dist(V)  # 草稿（小）模型
accept = [min(Fraction(1), p[x] / q[x]) for x in range(V)]
reject_mass = 1 - sum(q[x] * accept[x] for x in range(V))
residual = [max(Fraction(0), p[x] - q[x]) for x in range(V)]
resid = [r / sum(residual) for r in residual]
out = [q[x] * accept[x] + reject_mass * resid[x] for x in range(V)]
assert out == p  # 逐个词完全相等
# 接受率 = Σ min(p, q) = 1 − 总变差距离
accept_rate = sum(q[x] * accept[x] for x in range(V))
tv = sum(abs(p[x] - q[x]) for x in range(V)) / 2
assert accept_rate == sum(min(p[x], q[x]) for x in range(V)) == 1 - tv
print(f"一次草稿被接受的概率 {float(accept_rate):.3f}，总变差距离 {float(tv):.3f}")
# > 一次草稿被接受的概率 0.397，总变差距离 0.603
# 对照：如果拒绝后直接从 p 重采样（常见的错误写法），输出分布不是 p
wrong = [q[x] * accept[x] + reject_mass * p[x] for x in range(V)]
assert wrong != p

# 2) 模拟完整算法：两个一阶马尔可夫“语言模型”（下一个词只取决于上一个词）
P = rng.dirichlet(np.ones(V), size=V)  # 目标模型的转移矩阵
Q = rng.dirichlet(np.ones(V), size=V)  # 草稿模型的转移矩阵
K, LEN = 3, 3  # 每轮草稿 K 个词；生成 LEN 个词后停止


def sample(dist):
    """按（未必归一化的）非负权重 dist 抽一个词：逆累积分布函数法。"""
    c = np.cumsum(dist)
    return min(int(np.searchsorted(c, rng.random() * c[-1], side="right")), V - 1)


def speculative_generate(start):
    seq = [start]
    while len(seq) - 1 < LEN:
        draft, ctx = [], seq[-1]
        for _ in range(K):  # 草稿模型自回归地猜 K 个词
            ctx = sample(Q[ctx])
            draft.append(ctx)
        prev = seq[-1]
        for x in draft:  # 目标模型并行地打分，从左到右逐个验收
            p_x, q_x = P[prev], Q[prev]
            if rng.random() < min(1.0, p_x[x] / q_x[x]):
                seq.append(x)
                prev = x
            else:  # 第一个被拒绝的位置：从残差分布重采样一个词，本轮结束
                seq.append(sample(np.maximum(p_x - q_x, 0)))
                break
        else:  # 全部接受：目标模型在最后一个位置再免费给出一个词
            seq.append(sample(P[prev]))
    return tuple(seq[1 : LEN + 1])


n = 20_000
counts = {}
for _ in range(n):
    s = speculative_generate(0)
    counts[s] = counts.get(s, 0) + 1

# 精确的目标分布：直接用 P 逐词生成 LEN 个词的概率；对照草稿模型 Q 自己生成的概率
max_sd, tv_p, tv_q = 0.0, 0.0, 0.0
for a in range(V):
    for b in range(V):
        for c in range(V):
            exact = P[0, a] * P[a, b] * P[b, c]
            draft_only = Q[0, a] * Q[a, b] * Q[b, c]
            freq = counts.get((a, b, c), 0) / n
            max_sd = max(max_sd, abs(freq - exact) / (exact * (1 - exact) / n) ** 0.5)
            tv_p += abs(freq - exact) / 2
            tv_q += abs(freq - draft_only) / 2
print(f"{V**LEN} 种三词序列的频率：与目标分布的总变差 {tv_p:.3f}，与草稿分布 {tv_q:.2f}")
# > 125 种三词序列的频率：与目标分布的总变差 0.020，与草稿分布 0.72
assert max_sd < 5  # 每种序列的频率都在目标概率的 5 个标准差以内
assert tv_p < 0.05 < 0.3 < tv_q  # 明显是目标分布，而不是草稿分布
