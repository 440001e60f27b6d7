"""策略评估：解线性方程组 (I - γP^π)V = r^π = 迭代贝尔曼期望方程 = 折扣回报的蒙特卡洛平均。"""

import numpy as np

rng = np.random.default_rng(0)

# 链式环境：状态 0..6，0 和 6 是终止状态；动作 0 = 左、1 = 右。
# 有 10% 的概率“打滑”，走到反方向。走进状态 0 得 +1，走进状态 6 得 +2，其余 0。
S, A, gamma, slip = 7, 2, 0.9, 0.1
P = np.zeros((S, A, S))  # P[s, a, s'] 转移概率
reward_in = np.array([1.0, 0, 0, 0, 0, 0, 2.0])  # 走进该状态得到的奖励
for s in range(1, S - 1):
    for a, step in ((0, -1), (1, +1)):
        P[s, a, s + step] += 1 - slip
        P[s, a, s - step] += slip
R = P @ reward_in  # R[s, a] = Σ_s' P(s'|s,a) r(s')，期望即时奖励
R[0] = R[S - 1] = 0.0
P[0, :, 0] = P[S - 1, :, S - 1] = 1.0  # 终止状态：吸收、奖励 0

pi = np.full((S, A), 0.5)  # 要评估的策略：均匀随机
P_pi = np.einsum("sa,sat->st", pi, P)  # P^π[s, s'] = Σ_a π(a|s) P(s'|s,a)
r_pi = (pi * R).sum(1)  # r^π[s] = Σ_a π(a|s) R(s,a)

# 1) 线性方程组：V = r^π + γ P^π V  ⇔  (I - γP^π) V = r^π
V_exact = np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)
print("V^π =", np.round(V_exact, 3) + 0.0)
# > V^π = [0.    0.823 0.719 0.774 1.001 1.45  0.   ]

# 2) 迭代策略评估：反复套用贝尔曼期望方程，收敛到同一个解
V = np.zeros(S)
for _ in range(300):
    V = r_pi + gamma * P_pi @ V
np.testing.assert_allclose(V, V_exact, atol=1e-12)

# 3) 按定义 V^π(s) = E[G_0 | s_0 = s]，G_0 = Σ_t γ^t r_t：真的按策略采样很多回合
n = 20_000  # 每个起点 n 个回合
cdf = np.cumsum(np.einsum("sa,sat->st", pi, P), axis=1)  # 一步转移（含选动作）的累积分布
for s0 in range(1, S - 1):
    s = np.full(n, s0)
    G = np.zeros(n)
    discount = 1.0
    while ((s != 0) & (s != S - 1)).any():  # 直到所有回合都结束
        alive = (s != 0) & (s != S - 1)
        s_next = (rng.random(n)[:, None] > cdf[s, :-1]).sum(1)  # 按 P^π 抽下一个状态
        G += alive * discount * reward_in[s_next]
        s = np.where(alive, s_next, s)
        discount *= gamma
    se = G.std() / n**0.5  # 标准误
    # 检查：蒙特卡洛平均与线性方程组的解相差不到 4 个标准误
    assert abs(G.mean() - V_exact[s0]) < 4 * se, (s0, G.mean(), V_exact[s0])
