"""detach 与 no_grad：都让后面的计算不求导，但 detach 作用于一个张量
（返回共用数据、脱离计算图的张量），no_grad 作用于一段代码（其中所有运算都不建图）；
优化器在 no_grad 下原地更新参数。"""

import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# 1) no_grad：块内的运算不记录计算图
with torch.no_grad():
    y_ng = x * 2

# 2) detach：与 x 共用同一块数据，但不在图里
x_d = x.detach()

# 3) detach 可以只截断一条路径：L = Σ x·stop(x)，梯度只走没被截断的那一路
(g_full,) = torch.autograd.grad((x * x).sum(), x)  # 2x
(g_stop,) = torch.autograd.grad((x * x.detach()).sum(), x)  # x

# 4) 更新参数必须在 no_grad 下：否则“对需要梯度的叶子张量做原地运算”会报错
w = torch.tensor([1.0, -1.0], requires_grad=True)
(w**2).sum().backward()
inplace_failed = False
try:
    w -= 0.1 * w.grad
except RuntimeError:
    inplace_failed = True
with torch.no_grad():
    w -= 0.1 * w.grad  # w ← w − lr · 2w

# 5) detach 共用数据：原地改了 backward 要用的值，autograd 会发现并报错
a = torch.tensor([0.0, 1.0], requires_grad=True)
b = a.exp()  # exp 的反向要用到输出 b 本身
b.detach().zero_()  # 偷偷改掉 b 的数据
backward_failed = False
try:
    b.sum().backward()
except RuntimeError:
    backward_failed = True

# 6) no_grad 的结果以后可以当常数参与求导；inference_mode 的结果不行
with torch.inference_mode():
    y_inf = x * 2
(g_const,) = torch.autograd.grad((y_ng * x).sum(), x)  # y_ng 当常数：梯度就是 y_ng
inference_failed = False
try:
    (y_inf * x).sum().backward()
except RuntimeError:  # Inference tensors cannot be saved for backward
    inference_failed = True

# 检查：两种方式得到的张量都不需要梯度、没有 grad_fn
assert not y_ng.requires_grad and y_ng.grad_fn is None
assert not x_d.requires_grad and x_d.grad_fn is None
# 检查：detach 不复制数据；no_grad 里的运算照常算出新结果
assert x_d.data_ptr() == x.data_ptr() and torch.equal(y_ng, 2 * x_d)
# 检查：截断一路之后梯度从 2x 变成 x
torch.testing.assert_close(g_full, 2 * x_d)
torch.testing.assert_close(g_stop, x_d)
# 检查：no_grad 下的原地更新正确；不加 no_grad 时报错
assert inplace_failed
torch.testing.assert_close(w.detach(), torch.tensor([0.8, -0.8]))
# 检查：通过 detach 改了反向要用的数据，backward 报错而不是悄悄算错
assert backward_failed
# 检查：no_grad 的结果可以当常数继续用；inference_mode 的结果不能进入求导
torch.testing.assert_close(g_const, y_ng)
assert inference_failed
