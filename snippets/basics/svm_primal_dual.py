"""同一个软间隔 SVM，两种互相独立的解法：
原始问题（合页损失 + L2，λ = 1/(nC) 的形式）用次梯度下降；
对偶问题（C 的形式）用自己写的 SMO（每次解析地优化一对 α）。两者给出相同的 w、b；
α > 0 的点就是支持向量，0 < α < C 的点恰好落在间隔边界上。"""

import numpy as np

rng = np.random.default_rng(0)
n = 20  # 两团靠得很近的二维点（其实线性可分，但 C = 1 时软间隔宁可让几个点犯规）
X = np.vstack([rng.normal([1.5, 1.0], 0.9, (10, 2)), rng.normal([-1.0, -1.0], 0.9, (10, 2))])
s = np.array([1.0] * 10 + [-1.0] * 10)  # 标签 ±1
C = 1.0


def smo(K: np.ndarray, s: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """对偶问题 max Σα − ½ΣΣ α_i α_j s_i s_j K_ij，约束 0 ≤ α ≤ C、Σ α_i s_i = 0。
    每步选“最违反 KKT 条件的一对”(i, j)，沿保持 Σ α s 不变的方向解析地走到最优（再截到盒子里）。"""
    a, G = np.zeros(len(s)), -np.ones(len(s))  # G 是 ½αᵀQα − Σα 的梯度，Q_ij = s_i s_j K_ij
    Q = np.outer(s, s) * K
    for _ in range(10_000):
        v = -s * G
        up = ((a < C) & (s > 0)) | ((a > 0) & (s < 0))  # 还能沿 +s 方向增大的 α
        low = ((a < C) & (s < 0)) | ((a > 0) & (s > 0))
        i = np.flatnonzero(up)[np.argmax(v[up])]
        j = np.flatnonzero(low)[np.argmin(v[low])]
        if v[i] - v[j] < 1e-12:  # KKT 条件满足：最优
            break
        step = (v[i] - v[j]) / (K[i, i] + K[j, j] - 2 * K[i, j])
        step = min(step, C - a[i] if s[i] > 0 else a[i], a[j] if s[j] > 0 else C - a[j])
        a[i], a[j] = a[i] + s[i] * step, a[j] - s[j] * step
        G += s[i] * step * Q[:, i] - s[j] * step * Q[:, j]
    return a, (v[i] + v[j]) / 2  # v_t = s_t − wᵀx_t；最优时 b 夹在 v_j 与 v_i 之间，取中点


# ---- 对偶：α → w = Σ α_i s_i x_i ----
alpha, b_dual = smo(X @ X.T, s, C)
w_dual = (alpha * s) @ X
free = (alpha > 1e-8) & (alpha < C - 1e-8)


# ---- 原始：min λ/2‖w‖² + (1/n) Σ max(0, 1 − s(wᵀx + b))，λ = 1/(nC)，次梯度下降 ----
def subgradient_descent(lam: float, steps: int = 5000) -> tuple[np.ndarray, float]:
    w, b = np.zeros(2), 0.0
    for t in range(1, steps + 1):
        viol = s * (X @ w + b) < 1  # 合页损失为正的点；其余点的次梯度取 0
        g_w = lam * w - s[viol] @ X[viol] / n
        g_b = -s[viol].sum() / n
        w, b = w - 0.5 / np.sqrt(t) * g_w, b - 0.5 / np.sqrt(t) * g_b
    return w, b


w_primal, b_primal = subgradient_descent(lam=1 / (n * C))
print(f"原始（次梯度）：w = {np.round(w_primal, 3)}，b = {b_primal:.3f}")
# > 原始（次梯度）：w = [1.188 0.964]，b = 0.104
print(f"对偶（SMO）：  w = {np.round(w_dual, 3)}，b = {b_dual:.3f}")
# > 对偶（SMO）：  w = [1.188 0.964]，b = 0.104

margins = s * (X @ w_dual + b_dual)  # 函数间隔 s·f(x)
sv = alpha > 1e-8
bound = alpha > C - 1e-8
print(f"支持向量 {sv.sum()} 个：间隔边界上 {free.sum()} 个（0 < α < C），α = C 的 {bound.sum()} 个")
# > 支持向量 6 个：间隔边界上 3 个（0 < α < C），α = C 的 3 个

# 检查 1：两种独立的解法给出同一个超平面
assert np.abs(w_primal - w_dual).max() < 2e-3 and abs(b_primal - b_dual) < 2e-3
# 检查 2：对偶间隙为 0——原始目标 ½‖w‖² + CΣξ 等于对偶目标，(w, b) 与 α 同为最优
primal_obj = 0.5 * w_dual @ w_dual + C * np.maximum(0, 1 - margins).sum()
dual_obj = alpha.sum() - 0.5 * w_dual @ w_dual
assert abs(primal_obj - dual_obj) < 1e-8
# 检查 3（KKT 互补松弛）：α = 0 的点间隔 ≥ 1；0 < α < C 的点间隔恰为 1；α = C 的点间隔 ≤ 1
assert (margins[~sv] >= 1 - 1e-8).all()
assert np.abs(margins[free] - 1).max() < 1e-8  # 所以 b 也可以由任一这样的点求出：b = s_i − wᵀx_i
assert (margins[bound] <= 1 + 1e-8).all()
# 这 3 个 α = C 的点都在街道里（间隔 < 1），其中 1 个在错误的一侧（间隔 < 0）
assert (margins < 1 - 1e-6).sum() == bound.sum() == 3 and (margins < 0).sum() == 1
# 检查 4：w 只由支持向量决定——删掉所有 α = 0 的点重新求解，超平面不变
alpha_sv, _ = smo(X[sv] @ X[sv].T, s[sv], C)
np.testing.assert_allclose((alpha_sv * s[sv]) @ X[sv], w_dual, atol=1e-8)
# 检查 5：换算关系 λ = 1/(nC) 里的 n 不能省——错用 λ = 1/C 会得到明显不同的 w
w_wrong, _ = subgradient_descent(lam=1 / C)
assert np.abs(w_wrong - w_dual).max() > 0.3
