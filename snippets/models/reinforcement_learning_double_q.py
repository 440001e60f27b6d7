"""max 的高估：每个估计都无偏，E[max_a Q̂_a] 仍大于 max_a Q_a；一组选动作、另一组估值则不高估。"""

import math

import numpy as np

rng = np.random.default_rng(0)

# 某个 s' 有 10 个动作，真实价值都是 0；估计 = 真值 + 独立的 N(0, 1) 噪声，每个估计都无偏
n_actions, n = 10, 200_000
q_a = rng.standard_normal((n, n_actions))  # 在线网络的估计
q_b = rng.standard_normal((n, n_actions))  # 另一组独立的估计（目标网络的角色）

# 参照：10 个独立标准正态的最大值的期望 E[max] = ∫ x · 10 φ(x) Φ(x)^9 dx（数值积分）
x = np.linspace(-12, 12, 240_001)
pdf = np.exp(-(x**2) / 2) / math.sqrt(2 * math.pi)
cdf = 0.5 * (1 + np.array([math.erf(v / math.sqrt(2)) for v in x]))
e_max = np.trapezoid(x * n_actions * pdf * cdf ** (n_actions - 1), x)
print(f"真实的 max_a Q = 0，而 E[max_a Q̂_a] = {e_max:.3f}")
# > 真实的 max_a Q = 0，而 E[max_a Q̂_a] = 1.539

single = q_a.max(1)  # DQN 式：同一组估计既选动作又估值
double = q_b[np.arange(n), q_a.argmax(1)]  # Double 式：q_a 选动作，q_b 估值
for est, truth in ((single, e_max), (double, 0.0)):
    assert abs(est.mean() - truth) < 4 * est.std() / n**0.5  # 采样平均与参照相差不到 4 个标准误
assert abs(double.mean()) < 0.01  # 双估计的期望就是 0：不高估
