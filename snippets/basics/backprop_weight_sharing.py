"""参数共享：同一个参数在计算图里被用了几次，它的梯度就是各处梯度之和（多元链式法则）。
共享是网络结构的设计（同一个模块用两次、卷积核滑过所有位置），不是反向传播带来的。"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
X = torch.randn(5, 4)

# 1) 同一个 nn.Linear 实例用两次：两处共享一套 W、b
shared = nn.Linear(4, 4)
first, second = copy.deepcopy(shared), copy.deepcopy(shared)  # 数值相同、但互相独立的两份
model = nn.Sequential(shared, nn.Tanh(), shared)
print(len(list(model.parameters())))  # parameters() 自动去重：只有一份 W 和 b
# > 2
model(X).pow(2).mean().backward()
second(torch.tanh(first(X))).pow(2).mean().backward()  # 同样的计算，参数不共享

# 2) 一维卷积：同一个卷积核滑过所有位置，out[t] = Σ_k w[k] · x[t + k]
x = torch.randn(1, 1, 8)
w = torch.randn(1, 1, 3, requires_grad=True)
out = F.conv1d(x, w)  # 6 个输出位置共享这 3 个权重
g_out = torch.randn_like(out)  # 假设的上游梯度 ∂L/∂out
out.backward(g_out)
# 手推：每个位置 t 贡献 g_out[t] · x[t + k]，对所有位置求和
windows = x[0, 0].unfold(0, 3, 1)  # (6, 3)：第 t 行是 x[t : t + 3]
dw_by_hand = (g_out[0, 0, :, None] * windows).sum(dim=0)

# 3) 最简单的情形：f = x·x + x，x 出现在三处，∂f/∂x = x + x + 1
s = torch.tensor(3.0, requires_grad=True)
(s * s + s).backward()

# 检查：共享参数的梯度 = 两份独立参数的梯度之和
torch.testing.assert_close(shared.weight.grad, first.weight.grad + second.weight.grad)
torch.testing.assert_close(shared.bias.grad, first.bias.grad + second.bias.grad)
# 检查：卷积核的梯度是各位置梯度之和
torch.testing.assert_close(w.grad.view(3), dw_by_hand)
# 检查：标量情形 ∂f/∂x = 2x + 1 = 7
assert s.grad.item() == 7.0
