"""核技巧：多项式核 (xᵀz + 1)² 等于显式二次特征 φ(x)ᵀφ(z)，却不用真的算出 φ；
RBF 核对应无穷维特征（一维时是泰勒级数），截断的特征越多越接近。
把对偶里的 xᵢᵀxⱼ 换成核，SVM 就能分开线性分不开的异或（XOR）。"""

import itertools
import math

import numpy as np

rng = np.random.default_rng(0)


def phi_poly2(x: np.ndarray) -> np.ndarray:
    """(xᵀz + 1)² 对应的显式特征：1、√2·x_i、x_i²、√2·x_i x_j（i < j）。"""
    pairs = [math.sqrt(2) * x[i] * x[j] for i, j in itertools.combinations(range(len(x)), 2)]
    return np.concatenate([[1.0], math.sqrt(2) * x, x**2, pairs])


# 1) 多项式核 = 显式特征的内积；d = 100 维输入，显式特征有 C(102, 2) = 5151 维
d = 100
x, z = rng.normal(size=d), rng.normal(size=d)
print(f"显式特征 {len(phi_poly2(x))} 维；核函数只做一次 {d} 维内积")
# > 显式特征 5151 维；核函数只做一次 100 维内积
assert len(phi_poly2(x)) == math.comb(d + 2, 2)
np.testing.assert_allclose(phi_poly2(x) @ phi_poly2(z), (x @ z + 1) ** 2, rtol=1e-10)


# 2) RBF 核 exp(−γ(x − z)²)（一维）= Σ_k φ_k(x) φ_k(z)，φ_k(x) = e^{−γx²} √((2γ)^k / k!) x^k
def phi_rbf(x: float, gamma: float, terms: int) -> np.ndarray:
    k = np.arange(terms)
    log_fact = np.array([math.lgamma(i + 1) for i in k])  # log k!
    return np.exp(-gamma * x**2 + 0.5 * (k * math.log(2 * gamma) - log_fact)) * x**k


gamma, a, b = 0.5, 1.3, -0.7
exact = math.exp(-gamma * (a - b) ** 2)
for terms in [2, 5, 30]:
    approx = phi_rbf(a, gamma, terms) @ phi_rbf(b, gamma, terms)
    print(f"前 {terms:>2} 维特征的内积 {approx:.4f}，RBF 核 {exact:.4f}")
# > 前  2 维特征的内积 0.0303，RBF 核 0.1353
# > 前  5 维特征的内积 0.1368，RBF 核 0.1353
# > 前 30 维特征的内积 0.1353，RBF 核 0.1353
assert abs(phi_rbf(a, gamma, 30) @ phi_rbf(b, gamma, 30) - exact) < 1e-12
assert abs(phi_rbf(a, gamma, 2) @ phi_rbf(b, gamma, 2) - exact) > 0.1
# RBF 核矩阵半正定（Mercer 条件的有限样本版本）：特征值都不小于 0
P = rng.normal(size=(30, 2))
K_rbf = np.exp(-gamma * ((P[:, None, :] - P[None, :, :]) ** 2).sum(-1))
assert np.linalg.eigvalsh(K_rbf).min() > -1e-10
# 对照：并不是任何二元函数都是核。平方距离 ‖x − z‖² 的“核矩阵”有明显为负的特征值，
# 它不是任何特征空间里的内积
K_bad = ((P[:, None, :] - P[None, :, :]) ** 2).sum(-1)
assert np.linalg.eigvalsh(K_bad).min() < -1


# 3) 核 SVM 分开 XOR：对偶问题只用到内积，把 xᵢᵀxⱼ 换成 K(xᵢ, xⱼ) 即可
def smo(K: np.ndarray, s: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """对偶问题的 SMO 解法（同 svm_primal_dual.py），K 可以是任意核矩阵。"""
    a, G = np.zeros(len(s)), -np.ones(len(s))
    Q = np.outer(s, s) * K
    for _ in range(10_000):
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
    return a, (v[i] + v[j]) / 2


X = np.array([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [1.0, -1.0]])
s = np.array([-1.0, -1.0, 1.0, 1.0])  # 异或：两条对角线各一类
decision = {}
for name, K in [("线性核", X @ X.T), ("多项式核", (X @ X.T + 1) ** 2)]:
    alpha, b = smo(K, s, C=10.0)
    f = (alpha * s) @ K + b  # 决策函数 f(x_j) = Σ_i α_i s_i K(x_i, x_j) + b
    decision[name] = f
    print(f"{name}：分对 {int((s * f > 0).sum())}/4")
# > 线性核：分对 0/4
# > 多项式核：分对 4/4

# 检查：核 SVM 的决策函数等于显式特征空间里的线性 SVM：w = Σ α_i s_i φ(x_i)，f(x) = wᵀφ(x) + b
Phi = np.stack([phi_poly2(row) for row in X])
w_feat = (alpha * s) @ Phi
np.testing.assert_allclose(Phi @ w_feat + b, f, atol=1e-9)
assert (s * f > 0).all()
# 检查：线性核的最优解是 w = 0——原始目标 ½‖w‖² + CΣξ 在 w = 0 处
# 等于对偶最优值 Σα − ½‖w‖²（对偶间隙为 0），此时决策函数是常数 b。
# b 并不唯一：[−1, 1] 里任何 b 的原始目标都一样（都是最优），分对的点数却是 0 或 2；
# 这里的 SMO 取了中点 b = 0，四个点全落在决策边界上，一个也没分对
alpha_lin, b_lin = smo(X @ X.T, s, C=10.0)
w_lin = (alpha_lin * s) @ X
assert np.abs(w_lin).max() < 1e-9 and np.abs(decision["线性核"]).max() < 1e-9
dual_opt = alpha_lin.sum() - 0.5 * w_lin @ w_lin
for b_any in [-1.0, -0.5, 0.0, 0.5, 1.0]:
    primal = 10.0 * np.maximum(0, 1 - s * b_any).sum()  # w = 0 时的原始目标
    assert abs(primal - dual_opt) < 1e-9
assert 10.0 * np.maximum(0, 1 - s * 1.5).sum() > dual_opt + 1  # |b| > 1 就不再最优
