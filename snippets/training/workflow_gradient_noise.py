"""SGD 的随机梯度不会趋于 0：即使站在最优点上，小批量梯度的范数也有一个由数据噪声决定的“底”。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 线性回归 y = X w + 噪声：最优解可以用最小二乘直接算出来
N, d, B = 200, 5, 10
X = torch.randn(N, d)
y = X @ torch.randn(d) + 0.5 * torch.randn(N)
w_star = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1)


def grad(w: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
    """在样本 idx 上的 MSE 损失对 w 的梯度（用 autograd 求）。"""
    w = w.clone().requires_grad_()
    (g,) = torch.autograd.grad(F.mse_loss(X[idx] @ w, y[idx]), w)
    return g


everything = torch.arange(N)
full = grad(w_star, everything).norm().item()  # 全量梯度：最优点上为 0
G = 2 * (X @ w_star - y).unsqueeze(1) * X  # 每个样本的梯度 g_i = 2 (x_i·w − y_i) x_i
# 随机抽 4000 个小批量（不放回抽 B 个）算梯度范数的平方
batches = torch.rand(4000, N).argsort(dim=1)[:, :B]
sq = G[batches].mean(dim=1).pow(2).sum(dim=1)
theory = (N - B) / (N - 1) * G.pow(2).sum(dim=1).mean() / B
print(f"最优点上小批量梯度范数的均方根：实测 {sq.mean().sqrt():.3f}，公式 {theory.sqrt():.3f}")
# > 最优点上小批量梯度范数的均方根：实测 0.691，公式 0.688

# 从 0 出发跑 SGD（恒定学习率），记录每个 epoch 的全量梯度范数和小批量梯度范数
w = torch.zeros(d)
lr, full_norms, batch_norms = 0.05, [grad(w, everything).norm().item()], []
for _ in range(30):
    norms = []
    for idx in torch.randperm(N).split(B):
        g = grad(w, idx)
        norms.append(g.norm().item())
        w = w - lr * g
    full_norms.append(grad(w, everything).norm().item())
    batch_norms.append(sum(norms) / len(norms))
loss_opt = F.mse_loss(X @ w_star, y).item()
loss_sgd = F.mse_loss(X @ w, y).item()
print(f"SGD 30 个 epoch 后：损失 {loss_sgd:.4f}（最优 {loss_opt:.4f}）")
print(f"全量梯度范数：训练前 {full_norms[0]:.3f}，最后 {full_norms[-1]:.3f}")
print(f"小批量梯度范数（每个 epoch 平均）：第一个 {batch_norms[0]:.3f}，最后 {batch_norms[-1]:.3f}")
# > SGD 30 个 epoch 后：损失 0.2670（最优 0.2663）
# > 全量梯度范数：训练前 4.744，最后 0.056
# > 小批量梯度范数（每个 epoch 平均）：第一个 2.437，最后 0.729

# 检查 1：最优点上全量梯度为 0（正规方程），但小批量梯度的均方与公式
#         E‖g_B‖² = (N−B)/(N−1) · mean‖g_i‖² / B 一致（蒙特卡洛，5% 以内）
assert full < 1e-10
assert abs(sq.mean() / theory - 1) < 0.05
# 检查 2：小批量梯度就是这批样本梯度的平均
torch.testing.assert_close(grad(w_star, batches[0]), G[batches[0]].mean(dim=0))
# 检查 3：SGD 已经收敛到最优附近，全量梯度缩小了许多，小批量梯度的范数却仍停在噪声底附近
assert loss_sgd < 1.01 * loss_opt
assert full_norms[-1] < 0.05 * full_norms[0]
assert batch_norms[-1] > 10 * full_norms[-1]
assert abs(batch_norms[-1] / math.sqrt(theory) - 1) < 0.3
