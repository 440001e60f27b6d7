"""弹性网络（Elastic Net）= L1 + L2：惩罚 λ(α‖w‖₁ + (1-α)/2·‖w‖²)。
一组高度相关的特征，L1 随意偏向其中一两个；加上 L2 之后权重在组内平均分摊，同时仍有精确的 0。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n = 50
z = torch.randn(n)
group = z[:, None] + 0.05 * torch.randn(n, 3)  # 3 个几乎相同的特征
X = torch.cat([group, torch.randn(n, 2)], dim=1)  # 再加 2 个无关特征
y = z + 0.5 * torch.randn(n)


def elastic_net(lam: float, alpha: float, steps: int = 400) -> torch.Tensor:
    """最小化 (1/2n)‖Xw - y‖² + λ(α‖w‖₁ + (1-α)/2·‖w‖²)；alpha = 1 就是 L1（Lasso）。
    用加速近端梯度法 FISTA：组内特征高度相关时问题很病态，不加速的 ISTA 要几万步。"""
    G, Xy = X.T @ X / n, X.T @ y / n
    lr = 1 / torch.linalg.eigvalsh(G).max()
    w = u = torch.zeros(X.shape[1])
    t = 1.0
    for _ in range(steps):
        v = u - lr * (G @ u - Xy)  # 在外推点 u 上走一步梯度
        # 弹性网络惩罚的近端算子：先软阈值，再按 L2 的比例缩小
        w_new = torch.sign(v) * (v.abs() - lr * lam * alpha).clamp(min=0)
        w_new = w_new / (1 + lr * lam * (1 - alpha))
        t_new = (1 + (1 + 4 * t**2) ** 0.5) / 2
        u = w_new + (t - 1) / t_new * (w_new - w)  # 动量外推
        w, t = w_new, t_new
    return w


lam = 0.1
w_lasso, w_enet = elastic_net(lam, alpha=1.0), elastic_net(lam, alpha=0.5)
print("L1    ", [round(v, 3) for v in (w_lasso + 0.0).tolist()])
print("弹性网", [round(v, 3) for v in (w_enet + 0.0).tolist()])
# > L1     [0.97, 0.0, 0.0, 0.0, 0.0]
# > 弹性网 [0.373, 0.317, 0.302, -0.015, 0.0]

# 检查 1：两个解都满足各自的最优性条件（次梯度含 0）
for w, alpha in [(w_lasso, 1.0), (w_enet, 0.5)]:
    g = X.T @ (X @ w - y) / n + lam * (1 - alpha) * w  # 光滑部分的梯度
    nz = w != 0
    torch.testing.assert_close(g[nz], -lam * alpha * torch.sign(w[nz]), atol=1e-6, rtol=0)
    assert (g[~nz].abs() <= lam * alpha + 1e-6).all()
# 检查 2：相关的一组里，L1 只留下 1 个，另外 2 个恰好为 0；弹性网络 3 个都留下，大小相差不到 25%
assert (w_lasso[:3] != 0).sum() == 1
assert (w_enet[:3] > 0).all() and w_enet[:3].max() / w_enet[:3].min() < 1.25
assert (w_enet == 0).any()  # 弹性网络仍然能产生精确的 0
# 检查 3：两列完全相同时，L1 只看 w₁ + w₂（同号时 |w₁| + |w₂| = w₁ + w₂），怎么分都一样，解不唯一；
# L2 项 w₁² + w₂² 在和固定时平均分最小，所以弹性网络的解唯一，而且两者相等
split = torch.tensor([[0.6, 0.0], [0.3, 0.3], [0.1, 0.5]])  # 三种分法，和都是 0.6
l1_pen, l2_pen = split.abs().sum(1), (split**2).sum(1)
torch.testing.assert_close(l1_pen, torch.full((3,), 0.6))
assert l2_pen.argmin() == 1
