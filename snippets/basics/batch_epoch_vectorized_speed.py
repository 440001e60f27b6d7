"""批处理更快：一次矩阵乘法算完一个 batch，比 Python 循环逐个样本算快得多，结果相同。"""

import time

import torch

torch.manual_seed(0)
# 只用 1 个线程：比较的是“向量化”本身，不是多线程；也避免忙碌的机器上线程互相等待
torch.set_num_threads(1)

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


def best_time(f, repeats: int = 3) -> float:
    """取几次中最快的一次，减少机器负载的干扰。"""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f(X)
        times.append(time.perf_counter() - start)
    return min(times)


t_loop = best_time(forward_loop)
t_batch = best_time(forward_batch)
Y_loop, Y_batch = forward_loop(X), forward_batch(X)
print(Y_batch.shape)
# > torch.Size([2000, 32])

# 检查：两种算法结果一致（只是浮点求和顺序可能不同）
torch.testing.assert_close(Y_batch, Y_loop)
# 检查：批处理至少快 3 倍（实际通常快几十倍；具体倍数随机器变化，所以不打印）
assert t_loop > 3 * t_batch, (t_loop, t_batch)
