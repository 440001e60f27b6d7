"""全零或全相等初始化无法打破对称性：隐藏单元算出同样的值、拿到同样的梯度，永远一模一样。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# float64，学习率 0.1：学习率取 0.2 时这个小网络的训练对舍入误差很敏感（1e-12 的扰动
# 300 步后让损失差几个百分点），换一种 CPU 指令集打印的损失就变了
torch.set_default_dtype(torch.float64)

X = torch.randn(64, 4)
y = torch.sin(X[:, :1]) + X[:, 1:2] * X[:, 2:3]  # 需要多个隐藏单元才能拟合的目标


def make_mlp() -> nn.Sequential:
    return nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))


def train(model: nn.Sequential, steps: int = 600, lr: float = 0.1) -> float:
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(model(X), y)
        loss.backward()
        opt.step()
    return loss.item()


# 1) 全零：W1、b1、W2、b2 都是 0
zero = make_mlp()
for p in zero.parameters():
    nn.init.zeros_(p)
F.mse_loss(zero(X), y).backward()
W1, W2 = zero[0].weight, zero[2].weight
# 隐藏层输出 tanh(0) = 0 ⇒ ∂L/∂W2 = δ·h = 0；W2 = 0 ⇒ 传回隐藏层的梯度也是 0
print(W1.grad.abs().max().item(), W2.grad.abs().max().item(), zero[0].bias.grad.abs().max().item())
# > 0.0 0.0 0.0
loss_zero = train(zero)

# 2) 全相等：所有权重都是 0.3，偏置为 0
const = make_mlp()
for layer in (const[0], const[2]):
    nn.init.constant_(layer.weight, 0.3)
    nn.init.zeros_(layer.bias)
W1_before = const[0].weight.detach().clone()
loss_const = train(const)
h = const[1](const[0](X))  # 训练后 8 个隐藏单元的输出

# 3) 随机初始化（PyTorch 默认），偏置同样设为 0；换 5 个随机种子各训练一次
rand_losses = []
for seed in range(5):
    torch.manual_seed(seed)
    rand = make_mlp()
    nn.init.zeros_(rand[0].bias)
    nn.init.zeros_(rand[2].bias)
    rand_losses.append(train(rand))
    if seed == 0:
        rand0_W1 = rand[0].weight.detach().clone()
loss_rand = rand_losses[0]
print(f"{loss_zero:.3f} {loss_const:.3f} {loss_rand:.3f}")
# > 1.687 1.178 0.023

# 检查：全零时前两层的梯度严格为 0，训练 600 步后 W1、b1、W2 仍全为 0（只有输出偏置 b2 在学）
assert torch.count_nonzero(zero[0].weight) == 0 and torch.count_nonzero(zero[0].bias) == 0
assert torch.count_nonzero(zero[2].weight) == 0 and zero[2].bias.item() != 0
torch.testing.assert_close(zero(X), y.mean().expand_as(y))  # 只能输出 y 的均值
# 检查：全相等时 W1 确实被更新了（变化在 0.1 量级），但 8 行始终相同，8 个隐藏单元的输出也相同。
# 只差浮点舍入：有的 CPU 指令集按不同的分块顺序算各行，末位可能不同，600 步后也不到 1e-10
W1 = const[0].weight.detach()
assert (W1 - W1_before).abs().max() > 0.01
torch.testing.assert_close(W1, W1[:1].expand_as(W1), rtol=0, atol=1e-10)
torch.testing.assert_close(h, h[:, :1].expand_as(h), rtol=0, atol=1e-10)
# 检查：随机初始化打破了对称性（各行一开始就差 0.01 以上），偏置为 0 并不妨碍；
# 5 个种子的损失都不到全相等时的十分之一
assert (rand0_W1[0] - rand0_W1[1]).abs().max() > 0.01
assert max(rand_losses) < 0.1 * loss_const
