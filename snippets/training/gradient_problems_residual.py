"""残差连接 y = x + F(x)：∂y/∂x = I + ∂F/∂x。
同样 50 个块，去掉跳跃连接时第一块几乎收不到梯度，加上后梯度照常到达。"""

import torch
from torch import nn

torch.manual_seed(0)

n, depth = 16, 50
blocks = nn.ModuleList(nn.Sequential(nn.Linear(n, n), nn.Tanh()) for _ in range(depth))
X = torch.randn(32, n)


def forward(x: torch.Tensor, residual: bool) -> torch.Tensor:
    for block in blocks:
        x = x + block(x) if residual else block(x)
    return x


def first_block_grad_norm(residual: bool) -> float:
    blocks.zero_grad()
    forward(X, residual).pow(2).mean().backward()
    return blocks[0][0].weight.grad.norm().item()


plain = first_block_grad_norm(residual=False)
res = first_block_grad_norm(residual=True)
print(f"无跳跃连接 {plain:.1e}，有跳跃连接 {res:.1e}")
# > 无跳跃连接 5.2e-14，有跳跃连接 1.9e+01

# 单个残差块的雅可比矩阵
x0 = torch.randn(n)
J_block = torch.autograd.functional.jacobian(lambda x: x + blocks[0](x), x0)
J_F = torch.autograd.functional.jacobian(blocks[0], x0)

# 检查：∂y/∂x = I + ∂F/∂x
torch.testing.assert_close(J_block, torch.eye(n) + J_F)
# 检查：同样的参数，加上跳跃连接后第一块的梯度大 14 个数量级以上，而且量级正常（不是消失的那种小）
assert res / plain > 1e14 and res > 1.0
