"""训练中途才冻结时要小心：requires_grad_(False) 只是不再产生新梯度。若优化器里还留着这些参数，
而梯度被清成 0（不是 None），动量和权重衰减照样会推动它们；梯度为 None 时优化器才会跳过。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
X, y = torch.randn(16, 4), torch.randint(0, 2, (16,))


def run(set_to_none: bool | None) -> bool:
    """先整体训练 3 步，再冻结第一层、用同一个优化器继续 3 步；返回第一层是否又变了。"""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-2)
    for step in range(6):
        if step == 3:
            model[0].requires_grad_(False)  # 中途冻结第一层，但没把它移出优化器
            frozen_at = model[0].weight.detach().clone()
        if set_to_none is None:
            opt.zero_grad()  # 不传参数：用已安装的 PyTorch 的默认值
        else:
            opt.zero_grad(set_to_none=set_to_none)
        F.cross_entropy(model(X), y).backward()
        opt.step()
    return not torch.equal(model[0].weight, frozen_at)


moved_with_zero_grads = run(set_to_none=False)
moved_with_none_grads = run(set_to_none=True)
moved_with_default = run(set_to_none=None)
print(moved_with_zero_grads, moved_with_none_grads, moved_with_default)
# > True False False

# 检查：梯度是 0 张量时，动量缓冲和权重衰减让“冻结”的层继续变化；梯度是 None 时它不再变化
assert moved_with_zero_grads
assert not moved_with_none_grads
# 检查：PyTorch 2.0 起 zero_grad() 默认把梯度设成 None，所以不传参数时“冻结”的层也不再变化
assert not moved_with_default
