"""用 NumPy 按公式手写 8 个激活函数，逐个与 torch.nn.functional 的实现对比。"""

import math

import numpy as np
import torch
import torch.nn.functional as F

x = np.linspace(-6, 6, 121)  # float64，包含 0


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def tanh(x: np.ndarray) -> np.ndarray:
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, x)


def leaky_relu(x: np.ndarray, alpha: float = 0.01) -> np.ndarray:
    return np.where(x > 0, x, alpha * x)


def elu(x: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


def softplus(x: np.ndarray) -> np.ndarray:
    return np.log1p(np.exp(x))  # ln(1 + e^x)


erf = np.vectorize(math.erf)  # NumPy 没有 erf，借用标准库


def gelu(x: np.ndarray) -> np.ndarray:
    Phi = 0.5 * (1 + erf(x / math.sqrt(2)))  # 标准正态分布的累积分布函数 Φ(x)
    return x * Phi


def gelu_tanh(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))  # 先减最大值，防止 exp 溢出
    return e / e.sum(axis=-1, keepdims=True)


# 2 个样本、4 个类别的 logits；第二行有个很大的值
z = np.array([[1.0, 2.0, 3.0, 4.0], [-2.0, 0.0, 2.0, 1000.0]])
print(softmax(z).round(4))
# > [[0.0321 0.0871 0.2369 0.6439]
# >  [0.     0.     0.     1.    ]]

# 检查：每个手写公式都与 PyTorch 内置实现一致
t = torch.from_numpy(x)
pairs = [
    (sigmoid(x), F.sigmoid(t)),
    (tanh(x), torch.tanh(t)),
    (relu(x), F.relu(t)),
    (leaky_relu(x), F.leaky_relu(t, negative_slope=0.01)),
    (elu(x), F.elu(t, alpha=1.0)),
    (softplus(x), F.softplus(t)),
    (gelu(x), F.gelu(t, approximate="none")),
    (gelu_tanh(x), F.gelu(t, approximate="tanh")),
    (softmax(z), F.softmax(torch.from_numpy(z), dim=-1)),
]
for mine, reference in pairs:
    torch.testing.assert_close(torch.from_numpy(mine), reference)
