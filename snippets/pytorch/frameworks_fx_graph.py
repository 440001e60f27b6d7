"""torch.fx.symbolic_trace 用“代理张量”把一个小模块跑一遍，得到一张可以打印、检查、改写的静态图；
代理张量没有具体数值，所以依赖数值的 if 无法追踪。"""

import torch
import torch.fx
from torch import nn

torch.manual_seed(0)


class TinyNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.fc(x)) + 1


class Branchy(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.sum() > 0:
            return x * 2
        return x - 1


def try_symbolic_trace(module: nn.Module) -> torch.fx.GraphModule | None:
    try:
        return torch.fx.symbolic_trace(module)
    except torch.fx.proxy.TraceError:  # 代理张量不能当作 if 的条件
        return None


model = TinyNet()
gm = try_symbolic_trace(model)
for node in gm.graph.nodes:
    print(node.op, node.name)
# > placeholder x
# > call_module fc
# > call_function relu
# > call_function add
# > output output
ops = [node.op for node in gm.graph.nodes]

# 有了图就能做图级改写：把 relu 换成 sigmoid（编译器做算子替换、融合也是这样改图）
for node in gm.graph.nodes:
    if node.target is torch.relu:
        node.target = torch.sigmoid
gm.recompile()

# 检查：图里的节点种类和顺序
assert ops == ["placeholder", "call_module", "call_function", "call_function", "output"]
# 检查：改写后的图 = sigmoid(fc(x)) + 1
X = torch.randn(5, 4)
torch.testing.assert_close(gm(X), torch.sigmoid(model.fc(X)) + 1)
# 检查：依赖数值的 if 无法被符号追踪（eager 下它当然两个分支都能跑）
assert try_symbolic_trace(Branchy()) is None
torch.testing.assert_close(Branchy()(torch.ones(2)), torch.full((2,), 2.0))
torch.testing.assert_close(Branchy()(-torch.ones(2)), torch.full((2,), -2.0))
