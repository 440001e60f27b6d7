"""完整的训练步：前向 → 损失 → 反向 → 更新 → 清零梯度。
PyTorch 的 backward() 把梯度“加”到 .grad 上：忘了清零，用的就是历史梯度之和。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
X = torch.randn(16, 3)
y = X @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.3  # 真实关系：线性 + 偏置
model = nn.Linear(3, 1)

# 1) 梯度累加：同一批数据 backward 两次，.grad 变成两倍
F.mse_loss(model(X), y).backward()
g_once = model.weight.grad.clone()
F.mse_loss(model(X), y).backward()
g_twice = model.weight.grad.clone()
model.zero_grad()  # 默认 set_to_none=True：.grad 直接变成 None
grad_after_zero = model.weight.grad

# 2) 累加也有用处：把一批拆成两半，各自的平均损失乘 1/2 再 backward，累加结果等于整批的梯度
for X_half, y_half in zip(X.chunk(2), y.chunk(2), strict=True):
    (F.mse_loss(model(X_half), y_half) / 2).backward()
g_accumulated = model.weight.grad.clone()


# 3) 训练循环：每一步先清零，再前向、反向、更新
def train(zero_grad: bool, num_steps: int = 100, lr: float = 0.1) -> list[float]:
    """返回每一步更新之后、在整批数据上的损失。"""
    torch.manual_seed(0)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    history = []
    for _ in range(num_steps):
        if zero_grad:
            optimizer.zero_grad()  # 清掉上一步的梯度
        loss = F.mse_loss(model(X), y)  # 前向 + 计算损失
        loss.backward()  # 反向传播：算出梯度，累加进 .grad
        optimizer.step()  # 用 .grad 更新参数
        history.append(F.mse_loss(model(X), y).item())
    return history


ok, forgot = train(zero_grad=True), train(zero_grad=False)
print(f"每步清零：100 步后 {ok[-1]:.4f}；忘了清零：100 步后 {forgot[-1]:.4f}")
# > 每步清零：100 步后 0.0003；忘了清零：100 步后 2.7347
print(f"忘了清零时，后 50 步的损失在 {min(forgot[50:]):.1f} 到 {max(forgot[50:]):.1f} 之间")
# > 忘了清零时，后 50 步的损失在 0.7 到 6.3 之间

# 检查：不清零时，第二次 backward 之后的梯度恰好是一次的两倍
torch.testing.assert_close(g_twice, 2 * g_once)
assert grad_after_zero is None
# 检查：半批累加的梯度等于整批的梯度（梯度累积的原理）
torch.testing.assert_close(g_accumulated, g_once)
# 检查：每步清零时训练收敛、100 步里每一步都在下降；忘了清零，损失来回振荡，100 步后仍大得多
assert ok[-1] < 1e-3 and all(a > b for a, b in itertools.pairwise(ok))
assert forgot[-1] > 100 * ok[-1] and max(forgot[50:]) > 3 * min(forgot[50:])
