"""torch.export 导出整张静态图（ATen 算子级）。依赖数值的 Python if 导不出来；
改写成 torch.cond 后，两个分支都进了图，导出的程序对两种输入都与 eager 一致。"""

import torch
from torch import nn
from torch.fx.experimental.symbolic_shapes import GuardOnDataDependentSymNode


class PythonIf(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.sum() > 0:
            return x * 2
        return x - 1


class WithCond(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cond(x.sum() > 0, lambda x: x * 2, lambda x: x - 1, (x,))


def try_export(module: nn.Module, x: torch.Tensor) -> torch.export.ExportedProgram | None:
    try:
        return torch.export.export(module, (x,))
    except GuardOnDataDependentSymNode:  # 无法对依赖数据的条件做守卫，即 if 的条件取决于张量的值
        return None  # （报错前 PyTorch 会往 stderr 打印一段捕获到的图，可以忽略）


x_a = torch.tensor([1.0, 2.0])  # 走 x * 2
x_b = torch.tensor([-1.0, -2.0])  # 走 x - 1

ep_if = try_export(PythonIf(), x_a)
ep = try_export(WithCond(), x_a)
print([node.name for node in ep.graph.nodes])
# > ['x', 'sum_1', 'gt', 'true_graph_0', 'false_graph_0', 'cond', 'getitem', 'output']
exported = ep.module()  # 导出的程序可以像普通模块一样调用

# 检查：带 Python if 的模块无法导出
assert ep_if is None
# 检查：只用 x_a 导出，但两个分支都在图里：两种输入都与原来的 Python if 版本一致
for x in (x_a, x_b):
    torch.testing.assert_close(exported(x), PythonIf()(x))
