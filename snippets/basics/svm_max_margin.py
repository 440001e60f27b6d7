"""最大间隔：硬间隔 SVM 的几何间隔是 1/‖w‖，等于暴力扫描所有方向得到的最大间隔；
感知机从不同的样本顺序出发停在不同的分隔超平面上，间隔都比它小。"""

import numpy as np

rng = np.random.default_rng(0)
X = np.vstack([rng.normal([2.0, 2.0], 0.8, (10, 2)), rng.normal([-2.0, -1.0], 0.8, (10, 2))])
s = np.array([1.0] * 10 + [-1.0] * 10)


def smo(K: np.ndarray, s: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """对偶问题的 SMO 解法（同 svm_primal_dual.py）；C 取很大，α 碰不到上界，就是硬间隔。"""
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
    return a, (v[i] + v[j]) / 2  # v_t = s_t − wᵀx_t；最优时 b 夹在 v_j 与 v_i 之间，取中点


def geometric_margin(w: np.ndarray, b: float) -> float:
    """所有点到超平面的（带符号）距离的最小值；分错时为负。"""
    return (s * (X @ w + b)).min() / np.linalg.norm(w)


# 硬间隔 SVM：min ½‖w‖²，约束 s_i(wᵀx_i + b) ≥ 1
alpha, b_svm = smo(X @ X.T, s, C=1e6)
w_svm = (alpha * s) @ X
sv = alpha > 1e-8
print(
    f"SVM：几何间隔 {geometric_margin(w_svm, b_svm):.4f}，1/‖w‖ = {1 / np.linalg.norm(w_svm):.4f}"
)
# > SVM：几何间隔 1.1120，1/‖w‖ = 1.1120

# 独立的参照：扫描 20 万个方向 u，每个方向上最好的 b 给出间隔 (min_正类 uᵀx − max_负类 uᵀx)/2
theta = np.linspace(0, 2 * np.pi, 200_000, endpoint=False)
U = np.stack([np.cos(theta), np.sin(theta)])  # (2, 200000) 单位向量
proj = X @ U
brute = ((proj[s > 0].min(axis=0) - proj[s < 0].max(axis=0)) / 2).max()

# 感知机（±1 形式：s·z ≤ 0 就更新 w ← w + s·x），5 种随机的样本顺序
perceptron_margins, perceptron_losses, directions = [], [], []
for _ in range(5):
    w, b = np.zeros(2), 0.0
    order = rng.permutation(len(s))
    for _epoch in range(100):
        for k in order:
            if s[k] * (X[k] @ w + b) <= 0:
                w, b = w + s[k] * X[k], b + s[k]
    perceptron_losses.append(np.maximum(0, -s * (X @ w + b)).sum())  # 感知机损失 Σ max(0, −s·z)
    perceptron_margins.append(geometric_margin(w, b))
    directions.append(w / np.linalg.norm(w))
print("感知机的间隔：", [round(float(m), 3) for m in perceptron_margins])
# > 感知机的间隔： [0.791, 0.286, 0.501, 0.501, 0.968]

# 检查 1：所有 α 都远小于 C = 1e6（没有点用到松弛，解就是硬间隔解）；
# 规范化（最近的点 s·z = 1）之后，几何间隔正好是 1/‖w‖；支持向量的函数间隔都是 1
assert alpha.max() < 1e3
assert abs(geometric_margin(w_svm, b_svm) - 1 / np.linalg.norm(w_svm)) < 1e-9
np.testing.assert_allclose(s[sv] * (X[sv] @ w_svm + b_svm), 1.0, atol=1e-9)
# 检查 2：与暴力扫描一致（扫描只能取到格点，所以不超过、且非常接近最大值）
assert 0 <= 1 / np.linalg.norm(w_svm) - brute < 1e-4
# 检查 3：5 次感知机都把训练集全部分对（间隔 > 0），感知机损失都是 0——这个损失分不出哪个平面更好；
# 但它们的间隔都明显小于最大间隔
assert min(perceptron_margins) > 0 and max(perceptron_losses) == 0
assert max(perceptron_margins) < 0.9 / np.linalg.norm(w_svm)
# 检查 4：感知机停下的超平面取决于样本顺序（5 次里至少 4 个不同）；SVM 把样本打乱后重解，w 不变
angles = np.sort([np.arctan2(d[1], d[0]) for d in directions])  # 各超平面法向量的方向角
assert (np.diff(angles) > 1e-6).sum() >= 3  # 5 个方向里至少 4 个互不相同
perm = rng.permutation(len(s))
alpha_perm, _ = smo(X[perm] @ X[perm].T, s[perm], C=1e6)
np.testing.assert_allclose((alpha_perm * s[perm]) @ X[perm], w_svm, atol=1e-8)
