"""单层感知机学不会异或（XOR）：无论训练多少轮，4 个点最多分对 3 个，权重最终周而复始地循环；
加一个隐藏层就够了：手工设定权重的 2-2-1 网络精确算出 XOR，训练出的小 MLP 也能 100% 分对。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([0.0, 1.0, 1.0, 0.0])  # XOR

# 1) 单层感知机，学习规则 w ← w + η(y − ŷ)x，训练 100 轮
w, b, lr = torch.zeros(2), torch.zeros(()), 1.0
accs, states = [], []
for _ in range(100):
    for x_i, y_i in zip(X, y, strict=True):
        y_hat = (x_i @ w + b > 0).float()
        w, b = w + lr * (y_i - y_hat) * x_i, b + lr * (y_i - y_hat)
    accs.append(((X @ w + b > 0).float() == y).float().mean().item())
    states.append((*w.tolist(), b.item()))
print(f"100 轮中最高准确率 {max(accs)}，不同的权重状态只有 {len(set(states))} 个")
# > 100 轮中最高准确率 0.5，不同的权重状态只有 2 个

# 2) 手工设定权重的两层网络：h1 = ReLU(x1 + x2)，h2 = ReLU(x1 + x2 − 1)，输出 h1 − 2·h2
hidden, out = nn.Linear(2, 2), nn.Linear(2, 1)
with torch.no_grad():
    hidden.weight.copy_(torch.tensor([[1.0, 1.0], [1.0, 1.0]]))
    hidden.bias.copy_(torch.tensor([0.0, -1.0]))
    out.weight.copy_(torch.tensor([[1.0, -2.0]]))
    out.bias.zero_()
    xor_by_hand = out(torch.relu(hidden(X))).squeeze(1)

# 3) 训练一个 2-8-1 的 MLP
mlp = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
opt = torch.optim.Adam(mlp.parameters(), lr=0.1)
for _ in range(200):
    opt.zero_grad()
    F.binary_cross_entropy_with_logits(mlp(X).squeeze(1), y).backward()
    opt.step()
with torch.no_grad():
    acc_mlp = ((mlp(X).squeeze(1) > 0).float() == y).float().mean().item()
print(f"MLP 准确率 {acc_mlp}")
# > MLP 准确率 1.0

# 检查：感知机从未把 4 个点全分对（最多 3/4），权重状态在有限个值之间循环
assert max(accs) <= 0.75
assert len(set(states)) < len(states)
# 检查：手工网络的输出恰好是 0, 1, 1, 0；训练出的 MLP 全部分对
torch.testing.assert_close(xor_by_hand, y)
assert acc_mlp == 1.0
