"""torch.jit.trace 只录下示例输入实际走过的那条路径，把 if 的结果“烤”进图里；
torch.jit.script 编译 Python 源码，保留控制流。PyTorch 2.13 里两者都已弃用。"""

import warnings

import torch


def f(x: torch.Tensor) -> torch.Tensor:
    if x.sum() > 0:  # 分支 A
        return x * 2
    return x - 1  # 分支 B


x_a = torch.tensor([1.0, 2.0])  # 走分支 A
x_b = torch.tensor([-1.0, -2.0])  # 走分支 B

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    traced = torch.jit.trace(f, x_a)  # 用走分支 A 的输入来追踪
    scripted = torch.jit.script(f)
categories = {w.category for w in caught}
deprecated = {str(w.message).split("`")[1] for w in caught if w.category is DeprecationWarning}

with warnings.catch_warnings(record=True) as caught_at_run:  # 运行时有没有任何警告
    warnings.simplefilter("always")
    wrong = traced(x_b)
print(f(x_b).tolist(), wrong.tolist(), scripted(x_b).tolist())
# > [-2.0, -3.0] [-2.0, -4.0] [-2.0, -3.0]
print("if" in traced.code, "if" in scripted.code)
# > False True

# 检查：trace 出来的图对分支 B 的输入算错了（仍然乘 2），运行时既不报错也不发警告
assert not torch.equal(wrong, f(x_b))
torch.testing.assert_close(wrong, x_b * 2)
assert caught_at_run == []
# 检查：script 在两个分支上都与 eager 一致
for x in (x_a, x_b):
    torch.testing.assert_close(scripted(x), f(x))
# 检查：追踪时发出的是 TracerWarning（警告），而不是错误；两个 API 都发出弃用警告
assert torch.jit.TracerWarning in categories
assert {"torch.jit.trace", "torch.jit.script"} <= deprecated
