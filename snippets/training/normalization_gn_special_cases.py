"""LN 和 IN 是 GN 的特例：G = 1 时 GN 等于在 (C, H, W) 上做的 LN，G = C 时等于 IN；
IN 又等于把每个样本的每个通道当作一个“批”来做 BN。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

N, C, H, W = 2, 6, 4, 4
X = torch.randn(N, C, H, W) * 2 + 1

gn_1 = nn.GroupNorm(1, C)(X)  # 一组：整个样本
gn_C = nn.GroupNorm(C, C)(X)  # C 组：每组一个通道
gn_3 = nn.GroupNorm(3, C)(X)  # 介于两者之间
ln = nn.LayerNorm([C, H, W])(X)
inorm = nn.InstanceNorm2d(C)(X)
# IN = 把 [N, C, H, W] 看成 1 个样本、N·C 个通道，做训练模式的 BN
in_as_bn = F.batch_norm(X.reshape(1, N * C, H, W), None, None, training=True).reshape(N, C, H, W)

# 检查：G = 1 等于 LN，G = C 等于 IN（γ = 1、β = 0 的初值下）
torch.testing.assert_close(gn_1, ln)
torch.testing.assert_close(gn_C, inorm)
torch.testing.assert_close(in_as_bn, inorm)
# 检查：G = 3 与两者都不同
assert not torch.allclose(gn_3, ln, atol=1e-3) and not torch.allclose(gn_3, inorm, atol=1e-3)
# 检查：但仿射参数不同：GN 每个通道一对 γ、β，LN([C, H, W]) 每个元素一对
assert nn.GroupNorm(1, C).weight.shape == (C,)
assert nn.LayerNorm([C, H, W]).weight.shape == (C, H, W)
