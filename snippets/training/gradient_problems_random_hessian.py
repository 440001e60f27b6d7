"""玩具模型：把临界点处的海森矩阵（Hessian）当成随机对称矩阵（GOE），
所有特征值都为正（极小值）的概率随维数 n 迅速趋于 0，绝大多数是鞍点。"""

import torch

torch.manual_seed(0)

num = 20000
fractions = {}
for n in (1, 2, 4, 8):
    A = torch.randn(num, n, n, dtype=torch.float64)
    H = (A + A.transpose(1, 2)) / 2  # 随机对称矩阵
    eig = torch.linalg.eigvalsh(H)  # 每个矩阵的 n 个实特征值
    fractions[n] = (eig > 0).all(dim=1).double().mean().item()
print({n: round(v, 5) for n, v in fractions.items()})
# > {1: 0.4916, 2: 0.14685, 4: 0.00205, 8: 0.0}

# 检查：n = 1 时约一半是“极小值”；维数越高比例越小，n = 8 时 2 万个里一个都没有
assert abs(fractions[1] - 0.5) < 0.02
assert fractions[1] > fractions[2] > fractions[4] > fractions[8]
assert fractions[8] == 0.0
# 检查：n = 2 时有闭式解。两个特征值都为正 ⇔ u > √(v² + w²)（u、v、w 独立标准正态，
# u = (a+b)/√2、v = (a-b)/√2、w = √2·c），概率为 (1 - E[exp(-u²/2)]) / 2 = (1 - 1/√2) / 2 ≈ 0.146
assert abs(fractions[2] - (1 - 2**-0.5) / 2) < 0.01
# 检查：下降得比“每个特征值独立掷硬币”的 2^-n 快得多：n = 4 时不到它的 1/10
assert fractions[4] < 0.1 * 0.5**4
