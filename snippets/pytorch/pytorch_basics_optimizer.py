"""优化器：构造时传入要更新的参数；step() 只按各参数的 .grad 更新，zero_grad() 清梯度；
参数组（param_groups）让不同参数用不同的超参数，没写的项用构造时的默认值。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
X, y = torch.randn(8, 3), torch.randn(8, 1)

# 两个参数组：第一层 lr=0.1；第二层用默认的 lr=0.01，外加权重衰减 0.5
optimizer = torch.optim.SGD(
    [
        {"params": model[0].parameters(), "lr": 0.1},
        {"params": model[2].parameters(), "weight_decay": 0.5},
    ],
    lr=0.01,
)
print([(g["lr"], g["weight_decay"]) for g in optimizer.param_groups])
# > [(0.1, 0), (0.01, 0.5)]

before = [p.detach().clone() for p in model.parameters()]
optimizer.zero_grad()
loss = F.mse_loss(model(X), y)
loss.backward()
grads = [p.grad.clone() for p in model.parameters()]
optimizer.step()

# 手写同一步：θ ← θ − lr · (g + wd · θ)
hyper = [(0.1, 0.0)] * 2 + [(0.01, 0.5)] * 2  # 4 个张量：W1, b1, W2, b2
expected = [w - lr * (g + wd * w) for w, g, (lr, wd) in zip(before, grads, hyper, strict=True)]

# 学习率调度器做的事，就是改 param_groups 里的 "lr"
for group in optimizer.param_groups:
    group["lr"] *= 0.5
optimizer.zero_grad()

# 检查：一次 step() 与手写的更新完全一致（各组用各自的超参数）
for p, e in zip(model.parameters(), expected, strict=True):
    torch.testing.assert_close(p.detach(), e)
# 检查：改过的学习率；zero_grad() 默认把 .grad 设成 None
torch.testing.assert_close([g["lr"] for g in optimizer.param_groups], [0.05, 0.005])
assert all(p.grad is None for p in model.parameters())
