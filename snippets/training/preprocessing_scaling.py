"""四种逐特征的缩放：减均值、min-max 到 [0, 1]、min-max 到 [-1, 1]、z-score 标准化，
以及各自的逆变换。统计量都按列（每个特征）在样本维度上算。"""

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# 100 个样本、3 个特征，量纲差别很大：例如年龄、收入、房间数
X = torch.randn(100, 3) * torch.tensor([10.0, 5000.0, 1.0]) + torch.tensor([40.0, 20000.0, 3.0])

mu = X.mean(dim=0)  # 每个特征的均值
sigma = X.std(dim=0, correction=0)  # 总体标准差（除以 N），与 NumPy 的 np.std 默认一致
x_min, x_max = X.min(dim=0).values, X.max(dim=0).values

X_centered = X - mu  # 减均值（零中心化）
X_01 = (X - x_min) / (x_max - x_min)  # min-max 到 [0, 1]
X_pm1 = 2 * (X - x_min) / (x_max - x_min) - 1  # min-max 到 [-1, 1]
X_z = (X - mu) / sigma  # z-score 标准化

print([round(v, 4) for v in X_z.std(dim=0, correction=0).tolist()])
# > [1.0, 1.0, 1.0]

# 逆变换：把模型输出（例如预测的房价）换回原来的量纲
X_back_z = X_z * sigma + mu
X_back_01 = X_01 * (x_max - x_min) + x_min

# “normalize”的另一种含义：F.normalize 把每个样本（每一行）缩放成 L2 范数为 1
X_rows = F.normalize(X, p=2.0, dim=1)

# 标准化只是平移和缩放，不改变分布的形状：偏斜的数据标准化后依然偏斜
e = torch.empty(10000).exponential_()  # 指数分布，偏度为 2


e_z = (e - e.mean()) / e.std(correction=0)
normal = torch.distributions.Normal(0.0, 1.0)  # 对照：真正的标准正态分布

# 检查：减均值后每个特征均值为 0，方差不变
# float32 里收入一列约为 2 万，均值本身有 1e-3 量级的舍入误差，所以容差按 1e-2 取
torch.testing.assert_close(X_centered.mean(dim=0), torch.zeros(3), atol=1e-2, rtol=0)
torch.testing.assert_close(X_centered.var(dim=0), X.var(dim=0))
# 检查：min-max 后每列的最小值、最大值恰为 0 和 1（或 -1 和 1）
torch.testing.assert_close(X_01.min(dim=0).values, torch.zeros(3))
torch.testing.assert_close(X_01.max(dim=0).values, torch.ones(3))
torch.testing.assert_close(X_pm1.min(dim=0).values, -torch.ones(3))
torch.testing.assert_close(X_pm1.max(dim=0).values, torch.ones(3))
torch.testing.assert_close(X_pm1, 2 * X_01 - 1)  # [-1, 1] 就是 [0, 1] 再做 2x - 1
# 检查：z-score 后每个特征均值 0、标准差 1
torch.testing.assert_close(X_z.mean(dim=0), torch.zeros(3), atol=1e-6, rtol=0)
torch.testing.assert_close(X_z.std(dim=0, correction=0), torch.ones(3))
# 检查：z-score 与 torch.std_mean、训练模式的 F.batch_norm（按特征、有偏方差）一致
std_ref, mean_ref = torch.std_mean(X, dim=0, correction=0)
torch.testing.assert_close(X_z, (X - mean_ref) / std_ref)
torch.testing.assert_close(X_z, F.batch_norm(X, None, None, training=True, eps=1e-12))
# 检查：NumPy 的 np.std 默认除以 N，torch.std 默认除以 N - 1，两者不同
np.testing.assert_allclose(X.numpy().std(axis=0), sigma.numpy(), rtol=1e-5)
assert not torch.allclose(X.std(dim=0), sigma)
# 检查：逆变换还原原始数据
torch.testing.assert_close(X_back_z, X)
torch.testing.assert_close(X_back_01, X)
# 检查：F.normalize 是按行归一化到单位长度，与按列的 min-max 不是一回事
torch.testing.assert_close(X_rows.norm(dim=1), torch.ones(100))
assert not torch.allclose(X_rows, X_01)
# 检查：标准化后的指数分布不是标准正态：三阶矩（偏度）仍约为指数分布的 2，而正态是 0；
# 它的下界是 -μ/σ ≈ -1，没有一个值小于 -1.05，而标准正态有 Φ(-1.05) ≈ 15% 的概率落在那里
assert abs((e_z**3).mean().item() - 2) < 0.3
assert (e_z < -1.05).sum() == 0 and normal.cdf(torch.tensor(-1.05)) > 0.14
