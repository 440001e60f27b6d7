"""张量并行（Megatron-LM 的 MLP 切法）与流水线并行的气泡。

MLP 是 Y = GeLU(X A) B。A 按列切成 [A1, A2]、B 按行切成 [B1; B2]，两张卡各算
GeLU(X Ai) Bi，相加（一次 all-reduce）就是完整的 Y；A 若按行切，GeLU 之前就得先同步。
流水线（GPipe）：p 个阶段、m 个微批次，逐格模拟时间表，空闲比例等于 (p − 1)/(m + p − 1)。"""

import torch
from torch import nn

torch.manual_seed(0)
d, hidden, tp = 8, 32, 2
mlp = nn.Sequential(nn.Linear(d, hidden, bias=False), nn.GELU(), nn.Linear(hidden, d, bias=False))
x = torch.randn(5, d)
A, B = mlp[0].weight.T, mlp[2].weight.T  # A: d×hidden，B: hidden×d（nn.Linear 存的是转置）

# 第 i 张卡只有 A 的第 i 块列和 B 的第 i 块行
partial = [
    nn.functional.gelu(x @ A_i) @ B_i
    for A_i, B_i in zip(A.chunk(tp, dim=1), B.chunk(tp, dim=0), strict=True)
]
y = sum(partial)  # all-reduce：各卡的部分和相加
torch.testing.assert_close(y, mlp(x))
print(f"列切 A、行切 B：{tp} 张卡的部分和相加 = 完整 MLP 的输出")
# > 列切 A、行切 B：2 张卡的部分和相加 = 完整 MLP 的输出

# 反例：A 按行切（输入维度切开），各卡得到的是 X A 的部分和，GeLU 不能对部分和分别做
rows = [
    nn.functional.gelu(x_i @ A_i)
    for x_i, A_i in zip(x.chunk(tp, dim=1), A.chunk(tp, dim=0), strict=True)
]
assert not torch.allclose(sum(rows), nn.functional.gelu(x @ A), atol=1e-3)


# 流水线并行：stage s 在第 t 格处理第 t − s 个微批次（前一阶段算完才能开始），只看前向
def bubble(p: int, m: int) -> float:
    busy_until = [0] * p  # 每个阶段什么时候空出来
    done = [[0] * m for _ in range(p)]  # done[s][i]：阶段 s 算完微批次 i 的时刻
    for i in range(m):
        for s in range(p):
            start = max(busy_until[s], done[s - 1][i] if s else 0)
            done[s][i] = busy_until[s] = start + 1
    total = max(busy_until)
    return 1 - m * p / (p * total)  # 空闲的格子 / 全部格子


for p, m in [(4, 1), (4, 4), (4, 16), (8, 32)]:
    simulated = bubble(p, m)
    assert abs(simulated - (p - 1) / (m + p - 1)) < 1e-12
    print(f"p={p} 个阶段，m={m:2d} 个微批次：气泡占 {simulated:.1%}")
# > p=4 个阶段，m= 1 个微批次：气泡占 75.0%
# > p=4 个阶段，m= 4 个微批次：气泡占 42.9%
# > p=4 个阶段，m=16 个微批次：气泡占 15.8%
# > p=8 个阶段，m=32 个微批次：气泡占 17.9%
