"""在同一份数据上从 K 个配置里挑分数最高的，这个最高分偏高，K 越大越乐观；换一份新数据才无偏。"""

import math

import numpy as np

rng = np.random.default_rng(0)
p, n, R = 0.80, 500, 4000  # 每个配置的真实准确率都是 0.80；评估集 500 个样本；模拟 4000 次
sigma = math.sqrt(p * (1 - p) / n)  # 单个配置在 500 个样本上准确率的标准差


def expected_max_std_normal(K: int) -> float:
    """K 个独立标准正态的最大值的期望：∫ x·K·φ(x)·Φ(x)^(K-1) dx（数值积分）。"""
    x = np.linspace(-8, 8, 16001)
    phi = np.exp(-(x**2) / 2) / math.sqrt(2 * math.pi)
    Phi = 0.5 * (1 + np.array([math.erf(v / math.sqrt(2)) for v in x]))
    return float(np.sum(x * K * phi * Phi ** (K - 1)) * (x[1] - x[0]))


bias = {}
for K in (1, 5, 20, 100):
    hits = rng.binomial(n, p, size=(R, K))  # K 个“一样好”的配置在评估集上答对的个数
    bias[K] = hits.max(axis=1).sum() / (n * R) - p  # 选出来的那个配置的分数，比真实值高多少
    pred = round(sigma * expected_max_std_normal(K), 4) + 0.0  # + 0.0：K = 1 时不打印 -0.0000
    print(f"K={K:3d}: 最高分平均偏高 {bias[K]:+.4f}（正态近似 {pred:+.4f}）")
# > K=  1: 最高分平均偏高 +0.0004（正态近似 +0.0000）
# > K=  5: 最高分平均偏高 +0.0204（正态近似 +0.0208）
# > K= 20: 最高分平均偏高 +0.0329（正态近似 +0.0334）
# > K=100: 最高分平均偏高 +0.0438（正态近似 +0.0449）

# 配置真实水平不同时：20 个配置，真实准确率从 0.76 均匀排到 0.80。挑验证分最高的那个，
# 再在一份从未用过的新数据上评估它一次
p_k = np.linspace(0.76, 0.80, 20)
hits = rng.binomial(n, p_k, size=(R, 20))
chosen = hits.argmax(axis=1)
picked = hits.max(axis=1).sum() / (n * R)  # 选中配置在挑选用的数据上的平均分
fresh = rng.binomial(n, p_k[chosen]).sum() / (n * R)  # 选中配置在新数据上的平均分
truth = p_k[chosen].mean()  # 选中配置的真实准确率（平均）
print(f"挑选时的分数 {picked:.4f}，新数据上 {fresh:.4f}，选中配置的真实准确率 {truth:.4f}")
# > 挑选时的分数 0.8206，新数据上 0.7915，选中配置的真实准确率 0.7914

# 检查 1：K = 1 时没有偏差；K 越大，最高分越偏高
assert abs(bias[1]) < 0.002
assert bias[5] < bias[20] < bias[100] and bias[100] > 0.04
# 检查 2：偏高的量约等于 σ·E[K 个标准正态的最大值]（正态近似，误差 15% 以内）
for K in (5, 20, 100):
    assert abs(bias[K] / (sigma * expected_max_std_normal(K)) - 1) < 0.15
# 检查 3：E[max ŝ] ≥ max s：挑选时的平均分高于最好配置的真实准确率 0.80，
#         也高于选中配置的真实准确率（而选中的未必是最好的那个，平均真实准确率低于 0.80）
assert picked > p_k.max() and picked - truth > 0.02 and truth < p_k.max()
# 检查 4：对选中的配置在新数据上再评估一次，分数与它的真实准确率一致，偏差消失
assert abs(fresh - truth) < 0.002
