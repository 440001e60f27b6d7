"""保存“最好的参数”的三种方式：state_dict() 只是引用，会跟着训练一起变；
深拷贝、逐个 clone、torch.save 到文件（这里用内存里的 BytesIO 代替文件）才是真正的快照。"""

import copy
import io

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
X, y = torch.randn(8, 3), torch.randn(8, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

old = [p.detach().clone() for p in model.parameters()]  # 训练前的参数，作为参照
alias = model.state_dict()  # 错误：只是引用
snapshot = copy.deepcopy(model.state_dict())  # 正确：深拷贝
cloned = {k: v.detach().clone() for k, v in model.state_dict().items()}  # 正确：逐个 clone
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)  # 正确：写到磁盘（实际训练里是文件路径）

# 之后又训练了几步
for _ in range(3):
    optimizer.zero_grad()
    F.mse_loss(model(X), y).backward()
    optimizer.step()

# “恢复”到保存的参数
buffer.seek(0)
from_disk = torch.load(buffer)
model_alias, model_snap = copy.deepcopy(model), copy.deepcopy(model)
model_alias.load_state_dict(alias)
model_snap.load_state_dict(snapshot)

# 检查 1：引用与模型共享同一块内存，跟着训练变了，“恢复”之后还是训练后的参数
assert alias["weight"].data_ptr() == model.weight.data_ptr()
assert torch.equal(model_alias.weight, model.weight) and not torch.equal(model_alias.weight, old[0])
# 检查 2：三种快照都还是训练前的参数，恢复后模型回到了当时的状态
for saved in (snapshot, cloned, from_disk):
    assert torch.equal(saved["weight"], old[0]) and torch.equal(saved["bias"], old[1])
assert torch.equal(model_snap.weight, old[0]) and torch.equal(model_snap.bias, old[1])
