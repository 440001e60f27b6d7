"""没有激活函数时，三个线性层等价于一个线性层；
中间插入 ReLU 后就不再是线性（仿射）映射。"""

import torch
from torch import nn

torch.manual_seed(0)

# 三个线性层直接相连，中间没有激活函数
deep = nn.Sequential(nn.Linear(4, 8), nn.Linear(8, 8), nn.Linear(8, 3))

# 按推导合并成一个线性层：W = W3 W2 W1，b = W3 (W2 b1 + b2) + b3
W1, W2, W3 = (layer.weight for layer in deep)
b1, b2, b3 = (layer.bias for layer in deep)
single = nn.Linear(4, 3)
with torch.no_grad():
    single.weight.copy_(W3 @ W2 @ W1)
    single.bias.copy_(W3 @ (W2 @ b1 + b2) + b3)

X = torch.randn(5, 4)
print(deep(X).shape, single.weight.shape)
# > torch.Size([5, 3]) torch.Size([3, 4])

# 同样的三层权重，中间插入 ReLU
relu_net = nn.Sequential(deep[0], nn.ReLU(), deep[1], nn.ReLU(), deep[2])


def keeps_affine_combination(f: nn.Module, x1: torch.Tensor, x2: torch.Tensor) -> bool:
    """仿射映射满足 f(λ x1 + (1-λ) x2) = λ f(x1) + (1-λ) f(x2)。"""
    lam = 0.3
    with torch.no_grad():
        mixed_then_f = f(lam * x1 + (1 - lam) * x2)
        f_then_mixed = lam * f(x1) + (1 - lam) * f(x2)
        return torch.allclose(mixed_then_f, f_then_mixed)


# 检查：深的线性网络和合并后的单层输出完全一样
torch.testing.assert_close(deep(X), single(X))
# 检查：线性网络保持仿射组合，插入 ReLU 之后不再保持
assert keeps_affine_combination(deep, X[:1], -3 * X[1:2])
assert not keeps_affine_combination(relu_net, X[:1], -3 * X[1:2])
