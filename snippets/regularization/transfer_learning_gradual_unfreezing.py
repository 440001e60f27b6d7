"""逐层解冻（Gradual Unfreezing，ULMFiT）：先只训练头，之后每个阶段再解冻下面一层，
用 add_param_group 把它加进优化器，并给它更小的学习率。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
layers = nn.ModuleList([nn.Linear(6, 8), nn.Linear(8, 8), nn.Linear(8, 8), nn.Linear(8, 3)])


def forward(x: torch.Tensor) -> torch.Tensor:
    for layer in layers[:-1]:
        x = torch.relu(layer(x))
    return layers[-1](x)


X, y = torch.randn(10, 6), torch.randint(0, 3, (10,))
layers.requires_grad_(False)
layers[-1].requires_grad_(True)  # 阶段 0：只有最上面的头可训练
eta_top = 1e-2
opt = torch.optim.SGD(layers[-1].parameters(), lr=eta_top)

has_grad = []
for stage in range(len(layers)):
    if stage > 0:  # 每个阶段再解冻下面一层，学习率比上一层小 2.6 倍
        layer = layers[-1 - stage]
        layer.requires_grad_(True)
        opt.add_param_group({"params": layer.parameters(), "lr": eta_top / 2.6**stage})
    opt.zero_grad()
    F.cross_entropy(forward(X), y).backward()  # 实际训练时这里跑一个 epoch
    opt.step()
    has_grad.append([layer.weight.grad is not None for layer in layers])
    print(f"阶段 {stage}：有梯度的层 {[i for i, g in enumerate(has_grad[-1]) if g]}")
# > 阶段 0：有梯度的层 [3]
# > 阶段 1：有梯度的层 [2, 3]
# > 阶段 2：有梯度的层 [1, 2, 3]
# > 阶段 3：有梯度的层 [0, 1, 2, 3]

# 检查：阶段 k 恰好有最上面 k+1 层在训练
for stage, flags in enumerate(has_grad):
    assert flags == [i >= len(layers) - 1 - stage for i in range(len(layers))]
# 检查：优化器里有 4 组，学习率从头到底每组除以 2.6
group_lrs = [group["lr"] for group in opt.param_groups]
torch.testing.assert_close(group_lrs, [eta_top / 2.6**k for k in range(4)])
