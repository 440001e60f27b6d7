"""马尔可夫链：转移矩阵每行和为 1；平稳分布 π = πP 是 P^T 特征值 1 的特征向量，
与幂迭代、P^n 的极限、长轨迹上各状态出现的频率一致。"""

import torch

torch.manual_seed(0)
# 状态 0、1、2 分别是晴、阴、雨；P[i, j] = P(X_{t+1} = j | X_t = i)
P = torch.tensor(
    [[0.900, 0.075, 0.025], [0.150, 0.800, 0.050], [0.250, 0.250, 0.500]], dtype=torch.float64
)

# 方法一：特征分解。π P = π 等价于 P^T π^T = π^T，取特征值为 1 的特征向量，归一化成概率
eigvals, eigvecs = torch.linalg.eig(P.T)
k = torch.argmin((eigvals - 1).abs())
pi_eig = eigvecs[:, k].real
pi_eig = pi_eig / pi_eig.sum()

# 方法二：幂迭代。从任意初始分布出发，反复乘 P
pi = torch.tensor([0.0, 0.0, 1.0], dtype=torch.float64)  # 今天下雨
for _ in range(200):
    pi = pi @ P

# 方法三：沿着链走很多步，统计每个状态出现的频率（遍历定理）
u = torch.rand(20000, dtype=torch.float64).tolist()
cum = P.cumsum(dim=1).tolist()
x, visits = 2, [0, 0, 0]
for r in u:
    x = next((j for j in range(2) if r < cum[x][j]), 2)  # 按累积概率选下一个状态
    visits[x] += 1
freq = torch.tensor(visits, dtype=torch.float64) / len(u)
print([round(v, 4) for v in pi_eig.tolist()], [round(v, 3) for v in freq.tolist()])
# > [0.625, 0.3125, 0.0625] [0.61, 0.324, 0.065]

# 检查 1：转移矩阵每行是一个概率分布
torch.testing.assert_close(P.sum(dim=1), torch.ones(3, dtype=torch.float64))
# 检查 2：特征向量确实是平稳分布，并与幂迭代一致；这个例子的精确解是 (0.625, 0.3125, 0.0625)
torch.testing.assert_close(pi_eig @ P, pi_eig)
torch.testing.assert_close(pi, pi_eig)
torch.testing.assert_close(pi_eig, torch.tensor([0.625, 0.3125, 0.0625], dtype=torch.float64))
# 检查 3：P^n 的每一行都趋于 π：不管从哪个状态出发，走得足够远后的分布都一样
Pn = torch.linalg.matrix_power(P, 200)
torch.testing.assert_close(Pn, pi_eig.expand(3, 3).contiguous())
# 检查 4：长轨迹上的访问频率接近 π
assert (freq - pi_eig).abs().max() < 0.03
