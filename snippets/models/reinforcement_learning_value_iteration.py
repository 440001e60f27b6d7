"""价值迭代收敛到 V*：它与“最优策略的线性方程组解”一致，也与枚举全部确定性策略取最大一致。"""

import itertools

import numpy as np

# 与策略评估相同的链式环境：状态 0..6，0 和 6 终止；10% 打滑；走进 0 得 +1，走进 6 得 +2。
S, A, gamma, slip = 7, 2, 0.9, 0.1
P = np.zeros((S, A, S))
reward_in = np.array([1.0, 0, 0, 0, 0, 0, 2.0])
for s in range(1, S - 1):
    for a, step in ((0, -1), (1, +1)):
        P[s, a, s + step] += 1 - slip
        P[s, a, s - step] += slip
R = P @ reward_in
R[0] = R[S - 1] = 0.0
P[0, :, 0] = P[S - 1, :, S - 1] = 1.0


def evaluate(policy):
    """确定性策略 policy[s] 的 V^π：解 (I - γP^π) V = r^π。"""
    P_pi = P[np.arange(S), policy]
    r_pi = R[np.arange(S), policy]
    return np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)


# 价值迭代：V_{k+1}(s) = max_a [R(s,a) + γ Σ_s' P(s'|s,a) V_k(s')]
V = np.zeros(S)
errors = []
for _ in range(200):
    V_new = (R + gamma * P @ V).max(1)
    errors.append(np.abs(V_new - V).max())
    V = V_new
Q_star = R + gamma * P @ V
pi_star = Q_star.argmax(1)
print("V* =", np.round(V, 3) + 0.0)
# > V* = [0.    1.178 1.331 1.513 1.719 1.955 0.   ]
print("π*（0=左，1=右）:", pi_star[1:-1])
# > π*（0=左，1=右）: [1 1 1 1 1]
print(f"状态 1：Q*(1, 左) = {Q_star[1, 0]:.3f}，Q*(1, 右) = {Q_star[1, 1]:.3f}")
# > 状态 1：Q*(1, 左) = 1.020，Q*(1, 右) = 1.178

# 检查 1：贪心策略的线性方程组解 V^{π*} 等于价值迭代的 V*
np.testing.assert_allclose(evaluate(pi_star), V, atol=1e-12)

# 检查 2：枚举全部 2^5 个确定性策略，逐状态取最大值，也是 V*；而且 π* 同时在每个状态都最大
all_V = np.array([evaluate(np.array((0, *p, 0))) for p in itertools.product((0, 1), repeat=S - 2)])
np.testing.assert_allclose(all_V.max(0), V, atol=1e-12)

# 检查 3：贝尔曼最优算子是 γ-压缩，相邻两次迭代的差每步至少缩小到 γ 倍
ratios = np.array(errors[1:40]) / np.array(errors[:39])
assert (ratios <= gamma + 1e-12).all()
print(f"相邻差的缩小比例最大为 {ratios.max():.3f}（γ = {gamma}）")
# > 相邻差的缩小比例最大为 0.855（γ = 0.9）

# 策略迭代：评估（解线性方程组）→ 贪心改进，直到策略不再变化；有限步内停在同一个 V*
policy, n_iter = np.zeros(S, dtype=int), 0  # 从“处处向左”开始
while True:
    n_iter += 1
    V_pi = evaluate(policy)
    improved = (R + gamma * P @ V_pi).argmax(1)
    if (improved == policy).all():
        break
    policy = improved
np.testing.assert_allclose(V_pi, V, atol=1e-12)
n_vi = int((np.array(errors) > 1e-10).sum())  # 价值迭代相邻差降到 1e-10 以下之前的轮数
print(f"策略迭代 {n_iter} 轮就停在 V*；价值迭代要 {n_vi} 轮，相邻差才小于 1e-10")
# > 策略迭代 6 轮就停在 V*；价值迭代要 35 轮，相邻差才小于 1e-10
