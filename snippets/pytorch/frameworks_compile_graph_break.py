"""torch.compile 用 TorchDynamo 在运行时把 Python 代码捕获成图；遇到依赖张量值的 if
就断图（graph break），把前后切成几张小图、中间交回 Python 执行，所以两个分支都走得对。
这里用只捕获、不优化的后端，结果与 eager 逐位相同；默认后端 Inductor 会融合算子、
改变浮点运算的顺序，结果只在舍入误差内与 eager 一致（它首次编译要几十秒，这里不运行）。"""

import torch
import torch._dynamo

torch.manual_seed(0)
graphs: list[torch.fx.GraphModule] = []


def recording_backend(gm: torch.fx.GraphModule, example_inputs: list) -> object:
    """自定义后端：记下 TorchDynamo 交来的每张图，不做优化，原样执行。"""
    graphs.append(gm)
    return gm.forward


def f(x: torch.Tensor) -> torch.Tensor:
    y = torch.sin(x) * 2
    if y.sum() > 0:  # 分支取决于张量的值：这里断图
        return y + 1
    return y - 1


def g(x: torch.Tensor) -> torch.Tensor:
    return torch.relu(x @ x.T).sum()  # 没有控制流：整段是一张图


def one_graph(fn, x: torch.Tensor) -> bool:
    """fullgraph=True 要求整段函数是一张图（torch.export 也有同样的要求），断图就报错。"""
    torch._dynamo.reset()  # 清掉之前的编译缓存，让它重新捕获
    try:
        torch.compile(fn, backend=recording_backend, fullgraph=True)(x)
    except torch._dynamo.exc.Unsupported:
        return False
    return True


x_a = torch.tensor([1.0, 2.0])  # 走 y + 1
x_b = torch.tensor([-1.0, -2.0])  # 走 y - 1
f_compiled = torch.compile(f, backend=recording_backend)
out_a, out_b = f_compiled(x_a), f_compiled(x_b)
for gm in graphs:
    print([node.name for node in gm.graph.nodes])
# > ['l_x_', 'sin', 'y', 'sum_1', 'gt', 'output']
# > ['l_y_', 'add', 'output']
# > ['l_y_', 'sub', 'output']

num_graphs_f = len(graphs)
X = torch.randn(3, 3)
out_g = torch.compile(g, backend=recording_backend)(X)
num_graphs_g = len(graphs) - num_graphs_f

# 内置的 "eager" 和 "aot_eager" 后端同样只捕获图、不生成代码，不需要 C++ 编译器
# （aot_eager 还经过 AOTAutograd：把图展开成 ATen 算子，需要梯度时另有反向图，再用 eager 内核执行）
f_eager_backend = torch.compile(f, backend="eager")
f_aot_eager = torch.compile(f, backend="aot_eager")
g_aot_eager = torch.compile(g, backend="aot_eager")

# 检查：断图后两个分支都对（对比 torch.jit.trace 会算错）；不优化的后端与 eager 逐位相同
for x, out in [(x_a, out_a), (x_b, out_b)]:
    assert torch.equal(out, f(x)) and torch.equal(f_eager_backend(x), f(x))
    assert torch.equal(f_aot_eager(x), f(x))
assert torch.equal(out_g, g(X)) and torch.equal(g_aot_eager(X), g(X))
# 检查：f 被切成 3 张图（条件之前一张，两个分支各一张），g 只有 1 张
assert (num_graphs_f, num_graphs_g) == (3, 1)
# 检查：fullgraph=True 时 f 断图报错，g 正常
assert not one_graph(f, x_a)
assert one_graph(g, X)
