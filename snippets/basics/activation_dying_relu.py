"""Dead ReLU：预激活对所有输入都为负的单元，所有权重的梯度都是 0，
梯度下降再也改不动它。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X = torch.randn(64, 3)  # 整个训练集：64 个样本
y = torch.randn(64, 1)

unit = nn.Linear(3, 1)  # 一个隐藏单元：z = w·x + b，输出 relu(z)
with torch.no_grad():
    unit.bias.fill_(-10.0)  # 例如一次过大的更新把偏置推到了很负的位置
z = unit(X)
print((z < 0).all().item())
# > True

# 用 ReLU：对每个样本 relu'(z) = 0，链式法则让 ∂L/∂w、∂L/∂b 全为 0
loss = F.mse_loss(F.relu(unit(X)), y)
loss.backward()
print(unit.weight.grad.tolist(), unit.bias.grad.tolist())
# > [[0.0, 0.0, 0.0]] [0.0]

# 用梯度下降 w ← w - lr · ∂L/∂w 训练 100 步，参数纹丝不动
before = [p.detach().clone() for p in unit.parameters()]
lr = 0.1
for _ in range(100):
    unit.zero_grad()
    F.mse_loss(F.relu(unit(X)), y).backward()
    with torch.no_grad():
        for p in unit.parameters():
            p -= lr * p.grad

# 换成 LeakyReLU：负半轴斜率 0.01，梯度虽小但不为 0，单元还能被拉回来
unit.zero_grad()
F.mse_loss(F.leaky_relu(unit(X), negative_slope=0.01), y).backward()

# 检查：100 步 SGD 之后参数与之前完全相同
for p, p0 in zip(unit.parameters(), before, strict=True):
    assert torch.equal(p.detach(), p0)
# 检查：LeakyReLU 下所有参数都有非零梯度
assert (unit.weight.grad != 0).all() and (unit.bias.grad != 0).all()
