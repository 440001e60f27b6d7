"""冻结（Freeze）：requires_grad_(False) 的参数不再有梯度；只把可训练参数交给优化器，
训练后被冻结的参数逐位不变，新的分类头变了。冻结中间层并不会挡住梯度流向更前面的层。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
backbone = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU())  # 预训练主干
head = nn.Linear(16, 3)  # 新任务的分类头
model = nn.Sequential(backbone, head)

backbone.requires_grad_(False)  # 冻结整个主干
trainable = [p for p in model.parameters() if p.requires_grad]
num_trainable = sum(p.numel() for p in trainable)
num_total = sum(p.numel() for p in model.parameters())
print(f"可训练参数 {num_trainable} / 总参数 {num_total}")
# > 可训练参数 51 / 总参数 467

before = {k: v.clone() for k, v in model.state_dict().items()}
opt = torch.optim.SGD(trainable, lr=0.1, momentum=0.9, weight_decay=1e-2)  # 只交可训练参数
X, y = torch.randn(32, 8), torch.randint(0, 3, (32,))
for _ in range(5):
    opt.zero_grad()
    F.cross_entropy(model(X), y).backward()
    opt.step()
changed = [k for k, v in model.state_dict().items() if not torch.equal(v, before[k])]
print(changed)
# > ['1.weight', '1.bias']
backbone_grads_none = all(p.grad is None for p in backbone.parameters())

# 只冻结中间的 Linear：它自己没有梯度，但梯度照样穿过它传给第一层
model.requires_grad_(True)
backbone[2].requires_grad_(False)
model.zero_grad()
F.cross_entropy(model(X), y).backward()

# 检查：冻结的参数从没有过梯度，优化器里只有头的 weight 和 bias
assert backbone_grads_none
assert len(opt.param_groups[0]["params"]) == 2
# 检查：训练后主干的每个张量与训练前逐位相同（torch.equal），只有头的参数变了
for k, v in backbone.state_dict().items():
    assert torch.equal(v, before["0." + k])
assert changed == ["1.weight", "1.bias"]
# 检查：冻结中间层时，它的参数 grad 为 None，而它前面的第一层照样有梯度
assert backbone[2].weight.grad is None
assert backbone[0].weight.grad is not None and backbone[0].weight.grad.abs().sum() > 0
