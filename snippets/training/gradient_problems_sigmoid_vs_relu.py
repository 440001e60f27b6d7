"""同样 20 层、同样宽度：Sigmoid 网络（Xavier 初始化）第一层几乎收不到梯度，
ReLU 网络（He 初始化）第一层和最后一层的梯度在同一个量级。"""

from collections.abc import Callable

import torch
from torch import nn

torch.manual_seed(0)

depth, width = 20, 32
X = torch.randn(64, width)


def deep_mlp(act: type[nn.Module], init: Callable[[torch.Tensor], torch.Tensor]) -> nn.Sequential:
    layers: list[nn.Module] = []
    for _ in range(depth):
        linear = nn.Linear(width, width)
        init(linear.weight)
        nn.init.zeros_(linear.bias)
        layers += [linear, act()]
    return nn.Sequential(*layers)


def first_last_grad_norms(net: nn.Sequential) -> tuple[float, float]:
    """第一层和最后一层权重梯度的范数。"""
    net(X).pow(2).mean().backward()
    linears = [m for m in net if isinstance(m, nn.Linear)]
    return linears[0].weight.grad.norm().item(), linears[-1].weight.grad.norm().item()


def he_normal(w: torch.Tensor) -> torch.Tensor:
    return nn.init.kaiming_normal_(w, nonlinearity="relu")  # He 初始化：Var = 2 / fan_in


sig_first, sig_last = first_last_grad_norms(deep_mlp(nn.Sigmoid, nn.init.xavier_normal_))


relu_first, relu_last = first_last_grad_norms(deep_mlp(nn.ReLU, he_normal))
print(f"sigmoid: 第一层 {sig_first:.1e}，最后一层 {sig_last:.1e}")
# > sigmoid: 第一层 3.3e-14，最后一层 1.2e-01
print(f"relu:    第一层 {relu_first:.1e}，最后一层 {relu_last:.1e}")
# > relu:    第一层 1.4e+00，最后一层 3.3e+00

# 检查：Sigmoid 网络第一层的梯度只有最后一层的 1e-13 量级（小 12 个数量级以上）
assert sig_first / sig_last < 1e-12
# 检查：ReLU + He 初始化：第一层与最后一层的梯度相差不到 10 倍
assert 0.1 < relu_first / relu_last < 10
# 检查：两个网络第一层的梯度相差 13 个数量级以上
assert relu_first / sig_first > 1e13
