"""L0“范数”‖w‖₀ = 非零权重的个数。它不是范数，不是凸函数，梯度处处为 0 或不存在，
只能在 2^d 个支撑集里穷举（最优子集选择）；L1 是它的凸松弛。"""

import itertools

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d, lam0 = 40, 10, 1.0
X = torch.randn(n, d)
w_true = torch.zeros(d)
w_true[[0, 3, 7]] = torch.tensor([1.5, -1.0, 0.8])
y = X @ w_true + 0.5 * torch.randn(n)


def l0(w: torch.Tensor) -> int:
    return int((w != 0).sum())


# 最优子集：对每一个支撑集 S 做最小二乘，取 ½‖Xw - y‖² + λ₀|S| 最小的那个
best_obj, best_S, num_subsets = 0.5 * (y @ y).item(), (), 1  # 空集：w = 0
for k in range(1, d + 1):
    for S in itertools.combinations(range(d), k):
        num_subsets += 1
        cols = list(S)
        w_S = torch.linalg.lstsq(X[:, cols], y[:, None]).solution.squeeze(1)
        obj = 0.5 * ((X[:, cols] @ w_S - y) ** 2).sum().item() + lam0 * k
        if obj < best_obj:
            best_obj, best_S = obj, S
print(f"穷举了 {num_subsets} 个支撑集，最优的是 {best_S}")
# > 穷举了 1024 个支撑集，最优的是 (0, 3, 7)


# L1 近端梯度（同 weight_decay_sparsity.py），目标 ½‖Xw - y‖² + λ‖w‖₁：一个凸问题，几百步就解完
def lasso_support(lam: float) -> tuple[int, ...]:
    lr = 1 / torch.linalg.eigvalsh(X.T @ X).max()
    w = torch.zeros(d)
    for _ in range(300):
        v = w - lr * X.T @ (X @ w - y)
        w = torch.sign(v) * (v.abs() - lr * lam).clamp(min=0)
    return tuple(w.nonzero().flatten().tolist())


supports = {lam: lasso_support(lam) for lam in [1.0, 4.0, 10.0, 20.0]}
print(supports)
# > {1.0: (0, 3, 4, 5, 7, 9), 4.0: (0, 3, 7), 10.0: (0, 3, 7), 20.0: (0, 3, 7)}

a, b = torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0])
# 检查 1：穷举找到的正是真实的支撑集；支撑集个数是 2^d，d 每加 1 计算量翻倍
assert best_S == (0, 3, 7) and num_subsets == 2**d
# 检查 2：λ 在 4 到 20 之间，L1 的支撑集与穷举一致；λ 太小则多选了无关特征
assert supports[4.0] == supports[10.0] == supports[20.0] == best_S
assert set(best_S) < set(supports[1.0])
# 检查 3：‖·‖₀ 不是范数：‖2a‖₀ = ‖a‖₀ ≠ 2‖a‖₀（不满足齐次性）
assert l0(2 * a) == l0(a) == 1
# 检查 4：‖·‖₀ 不是凸函数：a、b 的中点有 2 个非零，超过两端的平均值 1
assert l0((a + b) / 2) > (l0(a) + l0(b)) / 2
# 检查 5：在 ‖w‖∞ ≤ 1 的范围内 ‖w‖₁ ≤ ‖w‖₀：L1 在 L0 的下方
W = torch.rand(1000, d) * 2 - 1
W[W.abs() < 0.5] = 0  # 随机制造一些 0
assert (W.abs().sum(1) <= (W != 0).sum(1)).all()
# 检查 6：L1 是下方最大的凸函数（凸包络）。把 w 写成顶点 v_k ∈ {-1, 0, 1}^d 的凸组合：
# 按 |w| 从大到小排成 a_1 ≥ a_2 ≥ …，v_k = sign(w)·[|w| ≥ a_k]，
# 系数 c_k = a_k − a_{k+1}，剩下的系数给 0 向量。
# 任何凸函数 g ≤ ‖·‖₀ 都满足 g(w) ≤ Σ c_k g(v_k) ≤ Σ c_k ‖v_k‖₀，而这个和恰好等于 ‖w‖₁
a = W.abs().sort(dim=1, descending=True).values  # (1000, d)
coef = a - torch.cat([a[:, 1:], torch.zeros(1000, 1)], dim=1)  # c_k ≥ 0，Σ c_k = max|w| ≤ 1
V = W.sign()[:, None, :] * (W.abs()[:, None, :] >= a[:, :, None])  # (1000, k, d)：第 k 个顶点
V = V * (a[:, :, None] > 0)  # a_k = 0 的顶点就是 0 向量
torch.testing.assert_close((coef[:, :, None] * V).sum(1), W)  # 确实是 w 的凸组合
assert (
    (coef >= 0).all() and (coef.sum(1) <= 1).all() and set(V.unique().tolist()) <= {-1.0, 0.0, 1.0}
)
torch.testing.assert_close((coef * (V != 0).sum(2)).sum(1), W.abs().sum(1))
