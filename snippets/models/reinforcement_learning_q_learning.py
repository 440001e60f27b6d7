"""表格 Q-learning：行为策略完全随机（离策略），Q 仍收敛到价值迭代的 Q*，5 个种子都成立。"""

import numpy as np

rng = np.random.default_rng(0)

# 3×3 确定性网格：状态 s = 3*行 + 列；动作 上/下/左/右，撞墙留在原地。
# 走进右下角 8 得 +1、走进中间 4（陷阱）得 -1，两者都是终止状态；其余每步 0。
S, A, gamma = 9, 4, 0.9
terminal = {4, 8}
moves = ((-1, 0), (1, 0), (0, -1), (0, 1))


def step(s, a):
    r, c = divmod(s, 3)
    r2, c2 = min(max(r + moves[a][0], 0), 2), min(max(c + moves[a][1], 0), 2)
    s2 = 3 * r2 + c2
    return s2, {8: 1.0, 4: -1.0}.get(s2, 0.0)


# 参照：对 Q 做价值迭代，Q(s,a) ← r + γ max_a' Q(s',a')（终止状态之后价值为 0）
Q_star = np.zeros((S, A))
for _ in range(200):
    for s in set(range(S)) - terminal:
        for a in range(A):
            s2, r = step(s, a)
            Q_star[s, a] = r + (0.0 if s2 in terminal else gamma * Q_star[s2].max())
print("V* =", np.round(Q_star.max(1), 3) + 0.0)
# > V* = [0.729 0.81  0.9   0.81  0.    1.    0.9   1.    0.   ]

# Q-learning：行为策略均匀随机，更新用 max（学的是贪心策略的价值）
alpha = 0.5
max_errors = []
for seed in range(5):
    rng = np.random.default_rng(seed)
    Q = np.zeros((S, A))
    for _ in range(3000):
        s = rng.choice([0, 1, 2, 3, 5, 6, 7])  # 随机的非终止起点
        while s not in terminal:
            a = rng.integers(A)  # 完全随机地探索
            s2, r = step(s, a)
            target = r + (0.0 if s2 in terminal else gamma * Q[s2].max())
            Q[s, a] += alpha * (target - Q[s, a])  # TD 误差乘学习率
            s = s2
    max_errors.append(np.abs(Q - Q_star).max())
    # 检查：贪心策略在每个非终止状态都取到 Q* 的最大值（最优动作可能不唯一）
    for s in set(range(S)) - terminal:
        assert Q_star[s].max() - Q_star[s, Q[s].argmax()] < 1e-9
print("5 个种子下 max|Q - Q*| 都小于 1e-6:", max(max_errors) < 1e-6)
# > 5 个种子下 max|Q - Q*| 都小于 1e-6: True
assert max(max_errors) < 1e-6
