"""同一个两层网络用 nn.Linear 搭：loss.backward() 一次填好所有参数的 .grad；
nn.Linear 的权重形状是 (输出, 输入)、前向算 X Wᵀ + b，所以手推公式要转置。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
N, D, H, K = 8, 5, 4, 3
X = torch.randn(N, D, dtype=torch.float64, requires_grad=True)  # 也对输入求梯度
y = torch.randint(0, K, (N,))
fc1 = nn.Linear(D, H, dtype=torch.float64)
fc2 = nn.Linear(H, K, dtype=torch.float64)
print(fc1.weight.shape, fc2.weight.shape)
# > torch.Size([4, 5]) torch.Size([3, 4])

# 前向 + 反向：一次 backward() 得到全部梯度
A1 = torch.sigmoid(fc1(X))
loss = F.cross_entropy(fc2(A1), y)
loss.backward()

# 手推（与 NumPy 标签页相同的公式，只是 W 换成了 Wᵀ）
with torch.no_grad():
    P = F.softmax(fc2(A1), dim=1)
    dZ2 = (P - F.one_hot(y, K)) / N
    dW2 = dZ2.T @ A1  # (K, N) @ (N, H) = (K, H)，与 fc2.weight 同形
    db2 = dZ2.sum(dim=0)
    dZ1 = (dZ2 @ fc2.weight) * A1 * (1 - A1)
    dW1 = dZ1.T @ X  # (H, N) @ (N, D) = (H, D)
    db1 = dZ1.sum(dim=0)
    dX = dZ1 @ fc1.weight  # (N, H) @ (H, D) = (N, D)

# 检查：手推的每个梯度与 autograd 填好的 .grad 一致
pairs = [
    (dW2, fc2.weight.grad),
    (db2, fc2.bias.grad),
    (dW1, fc1.weight.grad),
    (db1, fc1.bias.grad),
    (dX, X.grad),
]
for by_hand, autograd in pairs:
    torch.testing.assert_close(by_hand, autograd)
