"""为什么 MLP 的隐藏层不用感知机的阶跃函数：阶跃函数的导数几乎处处为 0，
梯度传不到前面的层，第一层权重永远学不动；换成 Sigmoid 这样的可导激活函数就有梯度了。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([0.0, 1.0, 1.0, 0.0])
hidden, out = nn.Linear(2, 4), nn.Linear(4, 1)


def first_layer_grad(activation) -> torch.Tensor:
    """前向一次、反向一次，返回第一层权重的梯度。"""
    hidden.zero_grad()
    logits = out(activation(hidden(X))).squeeze(1)
    F.binary_cross_entropy_with_logits(logits, y).backward()
    return hidden.weight.grad.clone()


def step(z: torch.Tensor) -> torch.Tensor:
    """阶跃函数：z > 0 取 1，z < 0 取 0（z = 0 处取 1/2）。"""
    return (torch.sign(z) + 1) / 2


g_step = first_layer_grad(step)
g_sigmoid = first_layer_grad(torch.sigmoid)
print(f"阶跃：{g_step.abs().sum().item():.4f}，Sigmoid：{g_sigmoid.abs().sum().item():.4f}")
# > 阶跃：0.0000，Sigmoid：0.0193

# 检查：阶跃函数把第一层的梯度全部截断为 0；Sigmoid 时梯度不为 0
assert torch.equal(g_step, torch.zeros(4, 2))
assert g_sigmoid.abs().sum() > 0
# 检查：PyTorch 的 heaviside（阶跃函数）干脆没有实现导数
z = torch.randn(3, requires_grad=True)
message = ""
try:
    torch.heaviside(z, torch.tensor(0.0)).sum().backward()
except RuntimeError as error:
    message = str(error)
assert "derivative for aten::heaviside is not implemented" in message
