"""30 个特征里只有 3 个有用。L1（用近端梯度法 ISTA 求解）让大部分无关权重恰好为 0；
L2 只把它们缩小，一个都不为 0；把 λ|w| 直接加进损失、用普通的（次）梯度下降，也得不到精确的 0。"""

import itertools

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, d = 100, 30
X = torch.randn(n, d)
w_true = torch.zeros(d)
w_true[:3] = torch.tensor([2.0, -1.5, 1.0])  # 只有前 3 个特征有用
y = X @ w_true + 0.5 * torch.randn(n)


def grad_data(w: torch.Tensor) -> torch.Tensor:
    """数据项 (1/2n)‖Xw - y‖² 的梯度。"""
    return X.T @ (X @ w - y) / n


def lasso_ista(lam: float, steps: int = 200) -> torch.Tensor:
    """最小化 (1/2n)‖Xw - y‖² + λ‖w‖₁：梯度步 + 软阈值。"""
    lr = 1 / torch.linalg.eigvalsh(X.T @ X / n).max()  # 步长 1/L，L 是数据项的光滑常数
    w = torch.zeros(d)
    for _ in range(steps):
        v = w - lr * grad_data(w)
        w = torch.sign(v) * (v.abs() - lr * lam).clamp(min=0)  # 软阈值 = L1 的近端算子
    return w


lam = 0.1
w_l1 = lasso_ista(lam)
w_l2 = torch.linalg.solve(X.T @ X + n * lam * torch.eye(d), X.T @ y)  # (1/2n)‖·‖² + (λ/2)‖w‖²

# 把 λ‖w‖₁ 直接加进损失，用 torch.optim.SGD 做（次）梯度下降
w = torch.zeros(d, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.05)
for _ in range(500):
    opt.zero_grad()
    (F.mse_loss(X @ w, y) / 2 + lam * w.abs().sum()).backward()
    opt.step()
w_sub = w.detach()

zeros = [int((v == 0).sum()) for v in (w_l1, w_l2, w_sub)]
print(f"恰好为 0 的权重个数：L1(ISTA) {zeros[0]}，L2 {zeros[1]}，L1(次梯度) {zeros[2]}")
print(f"L1 解为 0 的那些坐标上，次梯度下降得到的最大 |w|：{w_sub[w_l1 == 0].abs().max():.4f}")
# > 恰好为 0 的权重个数：L1(ISTA) 26，L2 0，L1(次梯度) 0
# > L1 解为 0 的那些坐标上，次梯度下降得到的最大 |w|：0.0075

# 正则化路径：λ 越大，非零权重越少；λ ≥ λ_max = ‖Xᵀy‖∞ / n 时全为 0
lam_max = (X.T @ y).abs().max() / n
lams = [0.01, 0.03, 0.1, 0.3, 1.0]
nnz = [int((lasso_ista(v) != 0).sum()) for v in lams]
print(f"λ_max = {lam_max:.3f}，非零个数：{nnz}")
# > λ_max = 1.432，非零个数：[24, 20, 4, 3, 2]

# 检查 1：ISTA 的解满足 L1 的最优性条件（次梯度含 0）：
# 非零分量上 梯度 = -λ·sign(w)；零分量上 |梯度| ≤ λ
g = grad_data(w_l1)
nz = w_l1 != 0
torch.testing.assert_close(g[nz], -lam * torch.sign(w_l1[nz]))
assert (g[~nz].abs() <= lam + 1e-9).all()
# 检查 2：L1 保留了 3 个有用特征（外加 1 个无关的），其余 26 个恰好为 0；L2 一个 0 都没有
assert nz[:3].all() and nz.sum() == 4
assert zeros == [26, 0, 0]
# 检查 3：次梯度下降离 L1 的最优解已经很近（< 0.01），却没有一个分量恰好为 0
assert (w_sub - w_l1).abs().max() < 0.01
# 检查 4：L2 的解满足梯度为 0（用 autograd 核对闭式解）
w2 = w_l2.clone().requires_grad_()
(F.mse_loss(X @ w2, y) / 2 + lam / 2 * w2.pow(2).sum()).backward()
assert w2.grad.abs().max() < 1e-10
# 检查 5：非零个数随 λ 单调不增；略大于 λ_max 全为 0，略小于 λ_max 就有非零
assert all(a >= b for a, b in itertools.pairwise(nnz))
assert (lasso_ista(1.01 * lam_max) == 0).all() and (lasso_ista(0.99 * lam_max) != 0).any()
