"""零中心：sigmoid 的输出恒为正，下一层同一个神经元的所有权重梯度同号；
tanh 的输出有正有负。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

# 关于 0 对称的输入：σ(-x) = 1 - σ(x) 使均值为 0.5；tanh 是奇函数，均值为 0
x = torch.linspace(-3, 3, 601, dtype=torch.float64)
mean_sigmoid, mean_tanh = torch.sigmoid(x).mean().item(), torch.tanh(x).mean().item()
# tanh 的均值是 ±1e-17 量级的舍入误差：先取整到 4 位再 + 0.0，印出一个真正的 0
print(f"{mean_sigmoid:.4f} {round(mean_tanh, 4) + 0.0:.4f}")
# > 0.5000 0.0000


def weight_grad(a: torch.Tensor) -> torch.Tensor:
    """下一层的一个神经元 z = w·a（偏置不影响 ∂L/∂w，省略），返回 ∂L/∂w = (∂L/∂z) · a。"""
    w = torch.randn(6, dtype=torch.float64, requires_grad=True)
    z = w @ a
    loss = (z - 1.0) ** 2
    (grad,) = torch.autograd.grad(loss, w)
    return grad


h = torch.randn(6, dtype=torch.float64)  # 上一层的 6 个预激活
g_sigmoid = weight_grad(torch.sigmoid(h))
g_tanh = weight_grad(torch.tanh(h))
print(torch.sign(g_sigmoid).tolist())
# > [-1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
print(torch.sign(g_tanh).tolist())
# > [-1.0, 1.0, 1.0, -1.0, 1.0, 1.0]

# 检查：对称输入下 sigmoid 的均值是 1/2，tanh 的均值是 0
assert abs(mean_sigmoid - 0.5) < 1e-12 and abs(mean_tanh) < 1e-12
# 检查：对称性恒等式
torch.testing.assert_close(torch.sigmoid(-x), 1 - torch.sigmoid(x))
torch.testing.assert_close(torch.tanh(-x), -torch.tanh(x))
# 检查：ELU 负半轴可以取负值，输出均值比 ReLU 更接近 0
assert F.elu(x).mean().abs() < F.relu(x).mean().abs()
# 检查：输入全为正（sigmoid）时，6 个权重梯度全部同号
assert (g_sigmoid > 0).all() or (g_sigmoid < 0).all()
# 检查：输入有正有负（tanh）时，权重梯度有正有负，可以朝不同方向更新
assert (g_tanh > 0).any() and (g_tanh < 0).any()
