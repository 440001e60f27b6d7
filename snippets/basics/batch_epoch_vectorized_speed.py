"""批处理为什么快：逐个样本算要发起 B 次矩阵乘法和 B 次加法（每次都有 Python 调用和算子调度的
固定开销），整个 batch 只发起 1 次；两种算法的浮点运算量完全相同，结果也相同。"""

import collections

import torch
from torch.overrides import TorchFunctionMode
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

B, d_in, d_out = 2000, 32, 32
X = torch.randn(B, d_in, dtype=torch.float64)  # 一个 batch：每行一个样本
W = torch.randn(d_in, d_out, dtype=torch.float64)
b = torch.randn(d_out, dtype=torch.float64)


def forward_loop(X: torch.Tensor) -> torch.Tensor:
    """逐个样本：每次一个向量乘矩阵，循环 B 次。"""
    return torch.stack([x @ W + b for x in X])


def forward_batch(X: torch.Tensor) -> torch.Tensor:
    """整个 batch：一次矩阵乘法 (B, d_in) @ (d_in, d_out)。"""
    return X @ W + b


class CountCalls(TorchFunctionMode):
    """记录 Python 代码发起了哪些 PyTorch 运算、各几次（每次都要经过一遍调度）。"""

    def __init__(self) -> None:
        super().__init__()
        self.calls: collections.Counter[str] = collections.Counter()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.calls[func.__name__] += 1
        return func(*args, **(kwargs or {}))


def profile(f) -> tuple[torch.Tensor, collections.Counter[str], int]:
    """运行一次 f(X)，返回结果、运算调用次数、浮点运算次数（FlopCounterMode 数的）。"""
    with CountCalls() as counter, FlopCounterMode(display=False) as flops:
        Y = f(X)
    return Y, counter.calls, flops.get_total_flops()


Y_loop, calls_loop, flops_loop = profile(forward_loop)
Y_batch, calls_batch, flops_batch = profile(forward_batch)
print(f"逐个样本：matmul {calls_loop['matmul']} 次，add {calls_loop['add']} 次")
# > 逐个样本：matmul 2000 次，add 2000 次
print(f"整个 batch：matmul {calls_batch['matmul']} 次，add {calls_batch['add']} 次")
# > 整个 batch：matmul 1 次，add 1 次
print(flops_loop, flops_batch)
# > 4096000 4096000

# 检查：两种算法结果一致（只是浮点求和顺序可能不同）
torch.testing.assert_close(Y_batch, Y_loop)
# 检查：逐样本发起的矩阵乘法和加法各 B 次，批处理各 1 次
assert calls_loop["matmul"] == calls_loop["add"] == B
assert calls_batch == collections.Counter({"matmul": 1, "add": 1})
# 检查：浮点运算量完全相同，都是 2·B·d_in·d_out：快慢只取决于怎么调度、怎么用硬件
assert flops_loop == flops_batch == 2 * B * d_in * d_out
