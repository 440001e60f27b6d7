"""C 的作用：C 越大，越不容忍落进间隔或分错的点（松弛之和 Σξ 减小），间隔 2/‖w‖ 随之变窄；
C 越小正则越强，间隔越宽（这组数据上支持向量也越多）。C 是正则化强度的倒数（λ = 1/(nC)）。"""

import itertools

import numpy as np

rng = np.random.default_rng(0)
X = np.vstack([rng.normal([1.5, 1.0], 0.9, (10, 2)), rng.normal([-1.0, -1.0], 0.9, (10, 2))])
s = np.array([1.0] * 10 + [-1.0] * 10)


def smo(K: np.ndarray, s: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """对偶问题的 SMO 解法（同 svm_primal_dual.py）。"""
    a, G = np.zeros(len(s)), -np.ones(len(s))
    Q = np.outer(s, s) * K
    for _ in range(100_000):
        v = -s * G
        up = ((a < C) & (s > 0)) | ((a > 0) & (s < 0))
        low = ((a < C) & (s < 0)) | ((a > 0) & (s > 0))
        i = np.flatnonzero(up)[np.argmax(v[up])]
        j = np.flatnonzero(low)[np.argmin(v[low])]
        if v[i] - v[j] < 1e-12:
            break
        step = (v[i] - v[j]) / (K[i, i] + K[j, j] - 2 * K[i, j])
        step = min(step, C - a[i] if s[i] > 0 else a[i], a[j] if s[j] > 0 else C - a[j])
        a[i], a[j] = a[i] + s[i] * step, a[j] - s[j] * step
        G += s[i] * step * Q[:, i] - s[j] * step * Q[:, j]
    return a, (v[i] + v[j]) / 2  # v_t = s_t − wᵀx_t；最优时 b 夹在 v_j 与 v_i 之间，取中点


norms, slacks = [], []
for C_text in ["0.01", "0.1", "1", "10", "100"]:
    C = float(C_text)
    alpha, b = smo(X @ X.T, s, C)
    w = (alpha * s) @ X
    xi = np.maximum(0, 1 - s * (X @ w + b))  # 松弛变量 ξ_i = 合页损失
    sum_xi = round(float(xi.sum()), 2) + 0.0  # C = 100 时数学上为 0（见最后的检查），只差舍入误差
    errors = int((s * (X @ w + b) < 0).sum())
    norms.append(np.linalg.norm(w))
    slacks.append(xi.sum())
    print(
        f"C = {C_text:>4}：间隔宽度 2/‖w‖ = {2 / norms[-1]:.2f}，Σξ = {sum_xi:.2f}，"
        f"支持向量 {(alpha > 1e-8).sum():>2} 个，训练集分错 {errors} 个"
    )
# > C = 0.01：间隔宽度 2/‖w‖ = 6.88，Σξ = 11.55，支持向量 20 个，训练集分错 1 个
# > C =  0.1：间隔宽度 2/‖w‖ = 2.67，Σξ = 4.38，支持向量 10 个，训练集分错 1 个
# > C =    1：间隔宽度 2/‖w‖ = 1.31，Σξ = 2.03，支持向量  6 个，训练集分错 1 个
# > C =   10：间隔宽度 2/‖w‖ = 0.77，Σξ = 1.41，支持向量  4 个，训练集分错 1 个
# > C =  100：间隔宽度 2/‖w‖ = 0.22，Σξ = 0.00，支持向量  3 个，训练集分错 0 个

# 检查：C 增大时 ‖w‖ 不减（间隔变窄），Σξ 不增（容忍的违例变少）
assert all(a <= b + 1e-9 for a, b in itertools.pairwise(norms))
assert all(a >= b - 1e-9 for a, b in itertools.pairwise(slacks))
assert norms[-1] > 2 * norms[0] and slacks[0] > 2 * slacks[-1]
# 检查：这组数据其实线性可分；C = 100 时所有 α 都小于 C，解就是硬间隔解——所有点的函数间隔 ≥ 1，
# 而且 1/‖w‖ 等于暴力扫描 20 万个方向得到的最大间隔（独立的参照，同 svm_max_margin.py）
assert alpha.max() < C and (s * (X @ w + b)).min() > 1 - 1e-9
theta = np.linspace(0, 2 * np.pi, 200_000, endpoint=False)
proj = X @ np.stack([np.cos(theta), np.sin(theta)])
brute = ((proj[s > 0].min(axis=0) - proj[s < 0].max(axis=0)) / 2).max()
assert 0 <= 1 / norms[-1] - brute < 1e-4
