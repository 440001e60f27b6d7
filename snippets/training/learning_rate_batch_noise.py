"""批大小 B 与梯度噪声：mini-batch 梯度无偏，方差约为 σ²/B；B 越大，每个 epoch 的步数越少。"""

import math

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：打印的方差不受求和顺序影响
N, d = 4096, 5
X = torch.randn(N, d)
y = X @ torch.randn(d) + 0.5 * torch.randn(N)
w = torch.zeros(d)  # 在某个（还没训练好的）点上看梯度

# 每个样本的梯度：MSE 的 ∂/∂w (xᵀw - y)² = 2(xᵀw - y)x
G = 2 * (X @ w - y)[:, None] * X  # 形状 (N, d)
g_full = G.mean(dim=0)  # 全量梯度
sigma2 = ((G - g_full) ** 2).sum(dim=1).mean().item()  # 单个样本梯度的总方差 σ²

ratios = {}
for B in (1, 4, 16, 64):
    # 与 DataLoader(shuffle=True) 一样：每个 epoch 打乱一次，切成不重叠的 mini-batch
    epochs = math.ceil(4000 * B / N)
    idx = torch.cat([torch.randperm(N)[: N // B * B].view(-1, B) for _ in range(epochs)])
    g_B = G[idx].mean(dim=1)  # 每个 mini-batch 的平均梯度
    var_B = ((g_B - g_full) ** 2).sum(dim=1).mean().item()
    predicted = sigma2 / B * (N - B) / (N - 1)  # 不放回抽样的精确公式；N ≫ B 时就是 σ²/B
    ratios[B] = var_B / predicted
    print(f"B={B:2d}: 梯度方差={var_B:7.3f}，σ²/B={sigma2 / B:7.3f}，B×方差={B * var_B:.1f}")
# > B= 1: 梯度方差= 66.905，σ²/B= 66.905，B×方差=66.9
# > B= 4: 梯度方差= 16.509，σ²/B= 16.726，B×方差=66.0
# > B=16: 梯度方差=  4.165，σ²/B=  4.182，B×方差=66.6
# > B=64: 梯度方差=  1.016，σ²/B=  1.045，B×方差=65.0

# 检查 1：逐样本梯度的公式与 autograd 一致（取一个 mini-batch 的平均梯度比较）
w_ = w.clone().requires_grad_()
F.mse_loss(X[:8] @ w_, y[:8]).backward()
torch.testing.assert_close(w_.grad, G[:8].mean(dim=0))
# 检查 2：无偏——把一个个完整 epoch 的 mini-batch 梯度平均起来，正好是全量梯度
torch.testing.assert_close(g_B.mean(dim=0), g_full)
# 检查 3：实测方差与 σ²/B·(N-B)/(N-1) 相差不超过 10%：B 扩大 4 倍，方差缩小约 4 倍
assert all(abs(r - 1) < 0.1 for r in ratios.values())
# 检查 4：每个 epoch 的步数是 ⌈N/B⌉
for B in (1, 32, 100):
    assert len(DataLoader(TensorDataset(X, y), batch_size=B)) == math.ceil(N / B)
