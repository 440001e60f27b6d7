"""动态图（define-by-run）：PyTorch 在前向运行时边算边建计算图，图的形状可以随输入和
Python 控制流变化；backward() 用完就释放图；no_grad 下不建图。"""

import torch


def f(x: torch.Tensor) -> tuple[torch.Tensor, int]:
    """不断翻倍，直到范数不小于 10：循环几次取决于输入的值。"""
    h, num_steps = x, 0
    while h.norm() < 10:
        h = h * 2
        num_steps += 1
    return h.sum(), num_steps


# 两个输入走出两张不同的图：f = 2^k · sum(x)，∂f/∂x_i = 2^k
x1 = torch.tensor([1.0, 1.0], requires_grad=True)
x2 = torch.tensor([3.0, 4.0], requires_grad=True)
out1, k1 = f(x1)
out2, k2 = f(x2)
print(k1, k2)
# > 3 1
out1.backward()
out2.backward()

# 图在 backward() 之后被释放：同一个结果再反向一次会报错
freed = False
try:
    out1.backward()
except RuntimeError:
    freed = True

# retain_graph=True 保留图，可以再反向一次（梯度照例累加）
out3, _ = f(x2)
out3.backward(retain_graph=True)
out3.backward()

# 推理时用 no_grad：不记录 grad_fn，不保存中间结果，省内存
with torch.no_grad():
    y = x1 * 2

# 检查：梯度由各自那次运行实际走过的图决定
torch.testing.assert_close(x1.grad, torch.full((2,), 2.0**k1))
# 检查：x2 先有一次梯度 2，又在保留的图上反向两次，共 3 次累加
torch.testing.assert_close(x2.grad, torch.full((2,), 3 * 2.0**k2))
# 检查：图已释放时再次反向会抛出 RuntimeError；no_grad 下没有建图
assert freed
assert y.grad_fn is None and not y.requires_grad
