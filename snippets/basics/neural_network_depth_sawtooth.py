"""深度的好处：把“帐篷函数”（2 个 ReLU）叠 L 层，得到有 2^L 段的锯齿波，只用 2L 个 ReLU；
只有一个隐藏层时，每个 ReLU 单元最多贡献一个拐点，同样的锯齿波至少要 2^L − 1 个单元。"""

import torch
from torch import nn

torch.manual_seed(0)
L = 6


def tent_block() -> nn.Sequential:
    """帐篷函数 t(x) = 2·ReLU(x) − 4·ReLU(x − 0.5)：在 [0, 1] 上先升后降。"""
    first, second = nn.Linear(1, 2), nn.Linear(2, 1)
    with torch.no_grad():
        first.weight.copy_(torch.tensor([[1.0], [1.0]]))
        first.bias.copy_(torch.tensor([0.0, -0.5]))
        second.weight.copy_(torch.tensor([[2.0, -4.0]]))
        second.bias.zero_()
    return nn.Sequential(first, nn.ReLU(), second)


deep = nn.Sequential(*[tent_block() for _ in range(L)])  # 深而窄：L 个隐藏层，每层 2 个单元

# 浅而宽：一个隐藏层，在每个拐点 k / 2^L 放一个 ReLU，斜率在 ±2^L 之间来回切换
n = 2**L
shallow = nn.Sequential(nn.Linear(1, n), nn.ReLU(), nn.Linear(n, 1))
with torch.no_grad():
    shallow[0].weight.fill_(1.0)
    shallow[0].bias.copy_(-torch.arange(n) / n)  # 单元 k 计算 ReLU(x − k/2^L)
    slope_change = torch.tensor([2.0**L] + [(-1) ** k * 2.0 ** (L + 1) for k in range(1, n)])
    shallow[2].weight.copy_(slope_change[None])
    shallow[2].bias.zero_()

x = torch.linspace(0, 1, 2**12 + 1)[:, None]  # 网格包含所有拐点
with torch.no_grad():
    y_deep, y_shallow = deep(x).squeeze(1), shallow(x).squeeze(1)
slopes = torch.diff(y_deep) / torch.diff(x.squeeze(1))
pieces = 1 + int((torch.diff(torch.sign(slopes)) != 0).sum())  # 斜率每变号一次多一段
relu_deep = 2 * L
relu_shallow = n
print(f"线性段数 {pieces}；深网络用 {relu_deep} 个 ReLU，浅网络用 {relu_shallow} 个 ReLU")
# > 线性段数 64；深网络用 12 个 ReLU，浅网络用 64 个 ReLU

# 检查：深网络的输出就是锯齿波 1 − |2·frac(2^(L−1)·x) − 1|，有 2^L 段，斜率为 ±2^L
sawtooth = 1 - (2 * torch.frac(2 ** (L - 1) * x.squeeze(1)) - 1).abs()
torch.testing.assert_close(y_deep, sawtooth)
assert pieces == 2**L
torch.testing.assert_close(slopes.abs(), torch.full_like(slopes, 2.0**L))
# 检查：浅网络算出同一个函数，但用了 2^L 个单元（深网络只用 2L 个）
torch.testing.assert_close(y_shallow, y_deep)
assert shallow[0].out_features == relu_shallow
assert all(block[0].out_features == 2 for block in deep) and len(deep) * 2 == relu_deep
