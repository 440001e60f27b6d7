"""autograd：requires_grad=True 的张量参与运算时，PyTorch 记下计算图；backward() 沿图求导，
结果与手推的导数一致；梯度累加到 .grad 上，非标量输出要给出上游梯度 v，得到 J^T v。"""

import torch

x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)  # 叶子张量（Leaf Tensor）
y = x**2 * torch.sin(x)  # 逐元素：y_i = x_i² sin x_i
L = y.sum()

# 计算图：每个结果张量的 grad_fn 记着生成它的运算
print(L.grad_fn.name(), y.grad_fn.name())
# > SumBackward0 MulBackward0

L.backward()  # 求 ∂L/∂x，存进 x.grad
grad_autograd = x.grad.clone()

# 手推：d/dx (x² sin x) = 2x sin x + x² cos x
grad_by_hand = 2 * x.detach() * torch.sin(x.detach()) + x.detach() ** 2 * torch.cos(x.detach())

# 梯度累加：再建一次图、再 backward 一次，.grad 变成两倍
(x**2 * torch.sin(x)).sum().backward()
grad_twice = x.grad.clone()
x.grad = None  # 手动清零（优化器的 zero_grad() 做的就是这件事）

# 非标量输出不能直接 backward()：要给出上游梯度 v，结果是 J^T v
y = x**2 * torch.sin(x)
implicit_failed = False
try:
    y.backward()
except RuntimeError:
    implicit_failed = True
v = torch.tensor([1.0, 0.0, -2.0])
y.backward(v)  # 逐元素函数的雅可比是对角阵，J^T v = f'(x) * v

# torch.autograd.grad：函数式接口，直接返回梯度，不写 .grad
(g_functional,) = torch.autograd.grad((x**2 * torch.sin(x)).sum(), x)

# 整数张量不能求导
int_failed = False
try:
    torch.tensor([1, 2], requires_grad=True)
except RuntimeError:
    int_failed = True

# 检查：自动求导与手推的导数一致
torch.testing.assert_close(grad_autograd, grad_by_hand)
# 检查：叶子张量没有 grad_fn；中间结果有
assert x.is_leaf and x.grad_fn is None and not y.is_leaf and y.requires_grad
# 检查：两次 backward，梯度累加成两倍
torch.testing.assert_close(grad_twice, 2 * grad_by_hand)
# 检查：非标量要给 v，得到的是 v 加权的梯度
assert implicit_failed
torch.testing.assert_close(x.grad, grad_by_hand * v)
torch.testing.assert_close(g_functional, grad_by_hand)
# 检查：与 torch.autograd.functional.jacobian 算出的完整雅可比矩阵一致
J = torch.autograd.functional.jacobian(lambda t: t**2 * torch.sin(t), x.detach())
torch.testing.assert_close(J, torch.diag(grad_by_hand))
torch.testing.assert_close(J.T @ v, grad_by_hand * v)
assert int_failed
