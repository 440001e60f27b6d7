"""两种症状。梯度消失：训练几十步，深层 Sigmoid 网络的第一层几乎没动，最后一层在学；
梯度爆炸：梯度范数大到离谱，一步更新后前向溢出，损失变成 inf / nan。"""

import torch
from torch import nn

torch.manual_seed(0)

X, y = torch.randn(64, 16), torch.randn(64, 1)

# 梯度消失：8 层 Sigmoid 网络，SGD 训练 50 步，记录每层权重的相对变化
layers: list[nn.Module] = []
for _ in range(8):
    layers += [nn.Linear(16, 16), nn.Sigmoid()]
# 用 float64 训练：第一层每步的更新约为权重的 1e-8，小于 float32 相对间距（约 1e-7）的一半，
# 在 float32 里大部分会被直接舍入掉，量出来的“变化”就成了舍入误差
net = nn.Sequential(*layers, nn.Linear(16, 1)).double()
linears = [m for m in net if isinstance(m, nn.Linear)]
W0 = [m.weight.detach().clone() for m in linears]
for _ in range(50):
    net.zero_grad()
    nn.functional.mse_loss(net(X.double()), y.double()).backward()
    with torch.no_grad():
        for p in net.parameters():
            p -= 0.1 * p.grad  # 普通的 SGD，lr = 0.1
change = [((m.weight - w).norm() / w.norm()).item() for m, w in zip(linears, W0, strict=True)]
print(f"第一层相对变化 {change[0]:.1e}，最后一层 {change[-1]:.1e}")
# > 第一层相对变化 3.5e-07，最后一层 2.9e-01

# 梯度爆炸：20 层线性网络，每层权重 = 2 × 正交矩阵，梯度被放大约 2^20 倍
deep = nn.Sequential(*[nn.Linear(16, 16, bias=False) for _ in range(20)], nn.Linear(16, 1))
for m in deep[:-1]:
    nn.init.orthogonal_(m.weight, gain=2.0)
nn.functional.mse_loss(deep(X), y).backward()
grad_norm = torch.sqrt(sum(p.grad.pow(2).sum() for p in deep.parameters())).item()
with torch.no_grad():
    for p in deep.parameters():
        p -= 0.01 * p.grad  # 一步普通的 SGD
    loss_after = nn.functional.mse_loss(deep(X), y).item()
print(f"梯度范数 {grad_norm:.1e}，一步之后的损失 {loss_after}")
# > 梯度范数 2.3e+12，一步之后的损失 nan

# 检查：梯度消失时第一层 50 步只变了 1e-7 量级，最后一层变了约 30%
assert change[0] < 1e-6 and 0.2 < change[-1] < 0.4
# 检查：float32 里这样的更新大多被舍入掉：把第一层最后一步的更新加到 float32 权重上，
# 九成以上的元素一位都不变
w32 = linears[0].weight.detach().float()
unchanged = (w32 - (0.1 * linears[0].weight.grad).float() == w32).double().mean().item()
assert unchanged > 0.9
# 检查：梯度爆炸时梯度范数超过 1e10，一步之后损失不再是有限数
assert grad_norm > 1e10
assert not torch.isfinite(torch.tensor(loss_after))
