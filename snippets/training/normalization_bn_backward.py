"""BN 的前向与反向（NumPy 手写），与 PyTorch 的自动求导对比。
反向公式：∂L/∂x = γ/(m·σ)·(m·g - Σg - x̂·Σ(g·x̂))，其中 g = ∂L/∂y，σ = √(σ_B² + ε)。"""

import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
rng = np.random.default_rng(0)
m, D, eps = 8, 3, 1e-5
X = rng.normal(2.0, 3.0, size=(m, D))
gamma = rng.uniform(0.5, 2.0, size=D)
beta = rng.uniform(-1.0, 1.0, size=D)
G = rng.normal(size=(m, D))  # 上游梯度 g = ∂L/∂y

# 前向：每个特征（列）在 m 个样本上求均值和有偏方差
mu = X.mean(axis=0)
var = X.var(axis=0)  # NumPy 默认 ddof=0，即有偏方差
sigma = np.sqrt(var + eps)
X_hat = (X - mu) / sigma
Y = gamma * X_hat + beta

# 反向
dgamma = (G * X_hat).sum(axis=0)
dbeta = G.sum(axis=0)
dX = gamma / (m * sigma) * (m * G - G.sum(axis=0) - X_hat * (G * X_hat).sum(axis=0))

# PyTorch：nn.BatchNorm1d 训练模式 + autograd
bn = nn.BatchNorm1d(D, eps=eps).double()
with torch.no_grad():
    bn.weight.copy_(torch.from_numpy(gamma))
    bn.bias.copy_(torch.from_numpy(beta))
X_t = torch.from_numpy(X).requires_grad_()
Y_t = bn(X_t)
Y_t.backward(torch.from_numpy(G))

# 检查：前向、三个梯度都与 PyTorch 一致
np.testing.assert_allclose(Y, Y_t.detach().numpy(), rtol=1e-10, atol=1e-10)
np.testing.assert_allclose(dX, X_t.grad.numpy(), rtol=1e-10, atol=1e-10)
np.testing.assert_allclose(dgamma, bn.weight.grad.numpy(), rtol=1e-10, atol=1e-10)
np.testing.assert_allclose(dbeta, bn.bias.grad.numpy(), rtol=1e-10, atol=1e-10)
# 检查：每列 Σ ∂L/∂x = 0、Σ ∂L/∂x·x̂ = 0——输入整体平移或缩放不改变输出，梯度里没有这两个方向
np.testing.assert_allclose(dX.sum(axis=0), 0, atol=1e-12)
np.testing.assert_allclose((dX * X_hat).sum(axis=0), 0, atol=1e-5)  # ε 带来微小偏差
