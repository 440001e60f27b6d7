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
except (
    RuntimeError
) as e:  # a leaf Variable that requires grad is being used in an in-place operation
    inplace_failed = "leaf Variable that requires grad" in str(e)
with torch.no_grad():
    w -= 0.1 * w.grad  # w ← w − lr · 2w

# 5) detach 共用数据：原地改了 backward 要用的值，autograd 会发现并报错
a = torch.tensor([0.0, 1.0], requires_grad=True)
b = a.exp()  # exp 的反向要用到输出 b 本身
b.detach().zero_()  # 偷偷改掉 b 的数据
backward_failed = False
try:
    b.sum().backward()
except RuntimeError as e:  # 版本计数器发现 b 在保存之后被原地改过
    backward_failed = "modified by an inplace operation" in str(e)

# 6) no_grad 的结果以后可以当常数参与求导；inference_mode 里产生的张量（inference tensor）
#    离开 inference_mode 后，不能被 autograd 存下来给反向用，不能设 requires_grad，也不能原地修改
with torch.inference_mode():
    y_inf = x * 2
(g_const,) = torch.autograd.grad((y_ng * x).sum(), x)  # y_ng 当常数：梯度就是 y_ng


def error_message(fn) -> str:
    """运行 fn，返回 RuntimeError 的报错信息；没有报错就返回空字符串。"""
    try:
        fn()
    except RuntimeError as e:
        return str(e)
    return ""


saved_msg = error_message(lambda: y_inf * x)  # 乘法的反向要用到 y_inf，要把它存下来
add_msg = error_message(lambda: y_inf + x)  # 加法的反向用不到 y_inf 的值，所以不受限制
read_ok = y_inf.sum().item() == 12.0 and not (y_inf * 3).is_inference()  # 读取、普通运算都行
(g_clone,) = torch.autograd.grad((y_inf.clone() * x).sum(), x)  # clone 成普通张量就能当常数用
requires_grad_msg = error_message(lambda: y_inf.requires_grad_())  # 设 requires_grad：报错
inplace_inf_msg = error_message(lambda: y_inf.add_(1))  # 原地修改：报错

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
# 检查：no_grad 的结果可以当常数继续用；inference tensor 不能存给反向、不能设 requires_grad、
# 不能原地修改，但可以读取和做普通运算，clone() 之后与 no_grad 的结果一样能当常数求导
torch.testing.assert_close(g_const, y_ng)
assert y_inf.is_inference() and not y_ng.is_inference()
assert "cannot be saved for backward" in saved_msg and add_msg == "" and read_ok
assert "Setting requires_grad=True on inference tensor" in requires_grad_msg
assert "Inplace update to inference tensor" in inplace_inf_msg
torch.testing.assert_close(g_clone, y_ng)
