"""动态图（define-by-run）：计算图是前向运行时由实际执行的 Python 代码记录下来的，
输入不同、走的分支和循环次数不同，记录下来的图也不同。"""

import torch


def f(x: torch.Tensor) -> torch.Tensor:
    h = torch.sin(x) if x.sum() > 0 else torch.exp(x)  # 分支取决于张量的值
    for _ in range(x.numel()):  # 循环次数取决于输入的形状
        h = h * 2
    return h.sum()


def recorded_ops(out: torch.Tensor) -> list[str]:
    """从输出的 grad_fn 出发沿 next_functions 往回走，列出这次前向记录下的反向节点
    （去掉 "Backward0" 后缀和 "torch::autograd::" 前缀，便于阅读）。"""
    ops, fn = [], out.grad_fn
    while fn is not None:
        ops.append(fn.name().removesuffix("Backward0").split("::")[-1])
        fn = fn.next_functions[0][0] if fn.next_functions else None
    return ops


x_a = torch.tensor([1.0, 2.0], requires_grad=True)  # 和为正：走 sin，循环 2 次
x_b = torch.tensor([-1.0, -2.0, -3.0], requires_grad=True)  # 和为负：走 exp，循环 3 次
out_a, out_b = f(x_a), f(x_b)
print(recorded_ops(out_a))
# > ['Sum', 'Mul', 'Mul', 'Sin', 'AccumulateGrad']
print(recorded_ops(out_b))
# > ['Sum', 'Mul', 'Mul', 'Mul', 'Exp', 'AccumulateGrad']

out_a.backward()
out_b.backward()

# 检查：两次调用记录了两张不同的图（节点不同、深度不同）
assert recorded_ops(out_a) != recorded_ops(out_b)
# 检查：梯度由各自那张图决定：d/dx sum(2^n sin x) = 2^n cos x，d/dx sum(2^n e^x) = 2^n e^x
torch.testing.assert_close(x_a.grad, 2**2 * torch.cos(x_a.detach()))
torch.testing.assert_close(x_b.grad, 2**3 * torch.exp(x_b.detach()))
