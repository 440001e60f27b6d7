"""两层网络 X → 线性 → Sigmoid → 线性 → Softmax 交叉熵：用 NumPy 按矩阵公式手推
全部梯度（dW2、db2、dW1、db1、dX），逐个与 PyTorch 自动求导对比。"""

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(0)
N, D, H, K = 8, 5, 4, 3  # 样本数、输入维数、隐藏单元数、类别数
X = rng.standard_normal((N, D))
y = rng.integers(0, K, size=N)  # 类别下标
W1, b1 = rng.standard_normal((D, H)), rng.standard_normal(H)
W2, b2 = rng.standard_normal((H, K)), rng.standard_normal(K)

# 前向：逐层计算，并缓存反向要用的中间结果 A1、P
Z1 = X @ W1 + b1  # (N, H)，b1 按行广播
A1 = 1 / (1 + np.exp(-Z1))  # Sigmoid
Z2 = A1 @ W2 + b2  # (N, K)，即 logits
E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))  # 先减最大值，防止溢出
P = E / E.sum(axis=1, keepdims=True)  # 每行一个概率分布
L = -np.log(P[np.arange(N), y]).mean()  # 批量平均的交叉熵
print(f"{L:.4f}")
# > 3.3298

# 反向：从损失往回，每一步都是“上游梯度 × 局部梯度”
Y = np.eye(K)[y]  # 独热标签 (N, K)
dZ2 = (P - Y) / N  # Softmax + 交叉熵合起来的梯度，除以 N 来自取平均
dW2 = A1.T @ dZ2  # (H, N) @ (N, K) = (H, K)
db2 = dZ2.sum(axis=0)  # b2 被广播到 N 行，梯度按行求和
dA1 = dZ2 @ W2.T  # (N, K) @ (K, H) = (N, H)
dZ1 = dA1 * A1 * (1 - A1)  # 逐元素乘 Sigmoid 的导数 σ(1 − σ)
dW1 = X.T @ dZ1  # (D, N) @ (N, H) = (D, H)
db1 = dZ1.sum(axis=0)
dX = dZ1 @ W1.T  # (N, H) @ (H, D) = (N, D)

# 参照：同一个网络交给 PyTorch 自动求导
t = {
    k: torch.from_numpy(v).requires_grad_()
    for k, v in dict(X=X, W1=W1, b1=b1, W2=W2, b2=b2).items()
}
logits = torch.sigmoid(t["X"] @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"]
loss = F.cross_entropy(logits, torch.from_numpy(y))
loss.backward()

# 检查：损失值一致
torch.testing.assert_close(loss.item(), L)
# 检查：手推的 5 个梯度与 autograd 逐个一致，且形状与对应变量相同
by_hand = dict(X=dX, W1=dW1, b1=db1, W2=dW2, b2=db2)
for name, grad in by_hand.items():
    assert grad.shape == t[name].shape
    torch.testing.assert_close(torch.from_numpy(grad), t[name].grad)
