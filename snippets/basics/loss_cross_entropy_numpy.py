"""交叉熵按公式手写（NumPy）：单个样本 −log softmax(z)_y；一个批次对 N 个样本取平均；
标签写成独热向量或任意概率分布时是同一个公式。逐个与 F.cross_entropy 对比。"""

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(0)
N, K = 4, 3  # 4 个样本，3 个类别
logits = rng.standard_normal((N, K))
y = np.array([0, 2, 1, 2])  # 类别下标


def log_softmax(z: np.ndarray) -> np.ndarray:
    """log p_k = z_k − log Σ_j exp(z_j)；先减最大值，exp 不会溢出。"""
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


# 单个样本：L = −log p_y
loss_one = -log_softmax(logits[0])[y[0]]

# 一个批次：L = −(1/N) Σ_n log p_{n, y_n}
log_p = log_softmax(logits)
loss_batch = -log_p[np.arange(N), y].mean()

# 独热标签：L = −(1/N) Σ_n Σ_k Y_{nk} log p_{nk}，只有真实类别那一项不为 0
Y = np.eye(K)[y]
loss_onehot = -(Y * log_p).sum(axis=1).mean()

# 软标签（每行是一个概率分布）：同一个公式
Q = rng.dirichlet(np.ones(K), size=N)
loss_soft = -(Q * log_p).sum(axis=1).mean()
print(f"{loss_one:.4f} {loss_batch:.4f} {loss_soft:.4f}")
# > 1.2372 0.8900 1.1303

# 检查：与 PyTorch 一致（下标目标、概率目标、单个样本、求和）
t_logits, t_y = torch.from_numpy(logits), torch.from_numpy(y)
torch.testing.assert_close(loss_one, F.cross_entropy(t_logits[:1], t_y[:1]).item())
torch.testing.assert_close(loss_batch, F.cross_entropy(t_logits, t_y).item())
torch.testing.assert_close(loss_onehot, loss_batch)
torch.testing.assert_close(loss_soft, F.cross_entropy(t_logits, torch.from_numpy(Q)).item())
loss_sum = F.cross_entropy(t_logits, t_y, reduction="sum").item()
torch.testing.assert_close(loss_sum, N * loss_batch)
