"""反向传播只算梯度、不动参数；参数由优化器按 θ ← θ − η ∇θL 更新。
手写一步与 torch.optim.SGD 完全一致；沿负梯度走损失下降，沿正梯度走损失上升。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
X, y = torch.randn(8, 4), torch.randint(0, 3, (8,))
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
lr = 0.1  # 学习率 η

params_before = [p.detach().clone() for p in model.parameters()]
loss = F.cross_entropy(model(X), y)
loss.backward()  # 只负责算梯度，结果放在每个参数的 .grad 里
params_after_backward = [p.detach().clone() for p in model.parameters()]
grads = [p.grad.clone() for p in model.parameters()]

# 手写的梯度下降：θ ← θ − η ∇θL
by_hand = [p - lr * g for p, g in zip(params_before, grads, strict=True)]
wrong_sign = [p + lr * g for p, g in zip(params_before, grads, strict=True)]  # 沿梯度方向


def loss_at(params: list[torch.Tensor]) -> float:
    """把一组参数值装进模型，算一次损失（不改模型）。"""
    W1, b1, W2, b2 = params
    return F.cross_entropy(F.relu(X @ W1.T + b1) @ W2.T + b2, y).item()


# 优化器做同一件事
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
optimizer.step()
print(f"{loss.item():.4f} {loss_at(by_hand):.4f} {loss_at(wrong_sign):.4f}")
# > 1.2518 1.2162 1.2895

# 检查：backward() 之后参数一个比特都没变
for p0, p1 in zip(params_before, params_after_backward, strict=True):
    assert torch.equal(p0, p1)
# 检查：optimizer.step() 的结果与手写的 θ − η∇θL 一致
for p, expected in zip(model.parameters(), by_hand, strict=True):
    torch.testing.assert_close(p.detach(), expected)
# 检查：沿负梯度走一小步损失下降，沿梯度方向走损失上升
assert loss_at(by_hand) < loss.item() < loss_at(wrong_sign)
# 检查：η 很小时，损失的变化 ≈ −η‖∇θL‖²（一阶泰勒展开）
eta = 1e-4
small_step = [p - eta * g for p, g in zip(params_before, grads, strict=True)]
predicted = -eta * sum((g**2).sum() for g in grads).item()
assert abs((loss_at(small_step) - loss.item()) - predicted) < 0.05 * abs(predicted)
