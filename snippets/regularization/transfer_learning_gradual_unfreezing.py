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

has_grad, updated = [], []
for stage in range(len(layers)):
    if stage > 0:  # 每个阶段再解冻下面一层，学习率比上一层小 2.6 倍
        layer = layers[-1 - stage]
        layer.requires_grad_(True)
        opt.add_param_group({"params": layer.parameters(), "lr": eta_top / 2.6**stage})
    opt.zero_grad()
    F.cross_entropy(forward(X), y).backward()  # 实际训练时这里跑一个 epoch
    before = [layer.weight.detach().clone() for layer in layers]
    opt.step()
    has_grad.append([layer.weight.grad is not None for layer in layers])
    updated.append(
        [not torch.equal(layer.weight, w) for layer, w in zip(layers, before, strict=True)]
    )
    print(f"阶段 {stage}：参数被更新的层 {[i for i, u in enumerate(updated[-1]) if u]}")
# > 阶段 0：参数被更新的层 [3]
# > 阶段 1：参数被更新的层 [2, 3]
# > 阶段 2：参数被更新的层 [1, 2, 3]
# > 阶段 3：参数被更新的层 [0, 1, 2, 3]

# 检查：阶段 k 恰好最上面 k+1 层有梯度、参数被优化器改动，下面的层逐位不变
for stage, (flags, moved) in enumerate(zip(has_grad, updated, strict=True)):
    top = [i >= len(layers) - 1 - stage for i in range(len(layers))]
    assert flags == top and moved == top
# 检查：最后一步里第 i 层的实际更新量 = -(η_top / 2.6^(3-i)) × 梯度：
# add_param_group 加进去的学习率确实被优化器用上了，越往下越小
for i, layer in enumerate(layers):
    lr_i = eta_top / 2.6 ** (len(layers) - 1 - i)
    torch.testing.assert_close(layer.weight.detach(), before[i] - lr_i * layer.weight.grad)
