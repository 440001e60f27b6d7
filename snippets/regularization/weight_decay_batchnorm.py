"""后面接批归一化（BN）的权重：把 W 乘以 c，输出完全不变，梯度却变成 1/c 倍。
所以权重衰减在这里不能让函数“更简单”，它的作用是控制 ‖W‖、从而控制有效学习率。"""

import itertools

import torch
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
X, y = torch.randn(32, 5), torch.randn(32, 4)
layer = nn.Linear(5, 4, bias=False)  # 偏置会被 BN 的均值抵消，通常不要
# 训练模式，用当前批的均值和方差；分母里的 eps 会破坏尺度不变性，这里取得极小
# （默认 eps=1e-5 时只是近似成立）
bn = nn.BatchNorm1d(4, affine=False, eps=1e-12)


def loss_and_grad(W: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    W = W.clone().requires_grad_()
    loss = ((bn(X @ W.T) - y) ** 2).mean()
    loss.backward()
    return loss.detach(), W.grad


W0 = layer.weight.detach()
c = 10.0
loss1, g1 = loss_and_grad(W0)
loss_c, g_c = loss_and_grad(c * W0)
print(
    f"‖W‖ = {W0.norm():.3f}：loss = {loss1:.4f}；‖cW‖ = {(c * W0).norm():.3f}：loss = {loss_c:.4f}"
)
# > ‖W‖ = 0.966：loss = 2.0119；‖cW‖ = 9.656：loss = 2.0119

# 不加权重衰减做 SGD：梯度与 W 正交，‖W‖² 每一步只增不减
W = W0.clone()
lr, norms, step_sq = 0.5, [W.norm() ** 2], []
for _ in range(20):
    _, g = loss_and_grad(W)
    W = W - lr * g
    norms.append(W.norm() ** 2)
    step_sq.append((lr * g).norm() ** 2)

# 检查 1：输出（从而损失）与 W 的尺度无关
torch.testing.assert_close(loss_c, loss1)
# 检查 2：梯度按 1/c 缩放；同样的学习率下，相对步长 ‖ΔW‖/‖W‖ 按 1/c² 缩小
torch.testing.assert_close(g_c, g1 / c)
torch.testing.assert_close(g_c.norm() / (c * W0).norm(), g1.norm() / W0.norm() / c**2)
# 检查 3：梯度与 W 正交（⟨g, W⟩ = 0）
torch.testing.assert_close((g1 * W0).sum(), torch.tensor(0.0), atol=1e-10, rtol=0)
# 检查 4：没有衰减时 ‖W‖² 单调增加，每步恰好增加 ‖ηg‖²（勾股定理：步长与 W 正交）
assert all(b > a for a, b in itertools.pairwise(norms))
torch.testing.assert_close(torch.stack(norms).diff(), torch.stack(step_sq))
