"""参数与超参数：参数（权重、偏置）由梯度下降学出来；超参数在训练前定好，训练本身不会改动它们。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# 超参数：训练开始前由人（或搜索算法）选定
hidden, p_drop, lr, weight_decay, batch_size = 8, 0.1, 0.05, 1e-4, 16

model = nn.Sequential(nn.Linear(4, hidden), nn.ReLU(), nn.Dropout(p_drop), nn.Linear(hidden, 1))
opt = torch.optim.SGD(model.parameters(), lr=lr, weight_decay=weight_decay)
n_params = sum(p.numel() for p in model.parameters())
print(f"参数个数 {n_params}；超参数 hidden={hidden}, p={p_drop}, lr={lr}, wd={weight_decay}")
# > 参数个数 49；超参数 hidden=8, p=0.1, lr=0.05, wd=0.0001

before = [p.detach().clone() for p in model.parameters()]
X, y = torch.randn(batch_size, 4), torch.randn(batch_size, 1)
opt.zero_grad()
F.mse_loss(model(X), y).backward()
grads = [p.grad.clone() for p in model.parameters()]
opt.step()

# 检查 1：参数个数 = 4·8 + 8（第一层）+ 8·1 + 1（第二层）= 49，全部要求梯度，并被这一步更新了
assert n_params == 4 * 8 + 8 + 8 * 1 + 1 == 49
assert all(p.requires_grad for p in model.parameters())
assert all(not torch.equal(b, p) for b, p in zip(before, model.parameters(), strict=True))
# 检查 2：超参数决定“怎么学”：这一步的更新正好是 p ← p − lr·(∂L/∂p + wd·p)，由 lr、wd 算出
for b, p, g in zip(before, model.parameters(), grads, strict=True):
    torch.testing.assert_close(p.detach(), b - lr * (g + weight_decay * b), rtol=0, atol=1e-7)
# 检查 3：超参数不是张量、不在 model.parameters() 里，梯度下降不会改它；训练一步之后原样不变
group = opt.param_groups[0]
assert (group["lr"], group["weight_decay"], model[2].p) == (lr, weight_decay, p_drop)
assert all(isinstance(v, float) for v in (group["lr"], group["weight_decay"], model[2].p))
