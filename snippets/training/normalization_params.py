"""γ、β 的形状与参数量：BN、GN、IN（affine=True 时）按通道各 C 个；LN 按 normalized_shape 逐元素。
γ、β 能把 BN“撤销”：取 γ = √(σ² + ε)、β = μ 时输出等于输入。LN 不行：每个样本整体平移、
缩放后 LN 的输出不变，被减掉的均值和尺度用同一对 γ、β 还原不回来。"""

import torch
from torch import nn

torch.manual_seed(0)

C, H, W, D = 16, 8, 8, 512


def n_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())


layers = {
    "BatchNorm2d(C)": nn.BatchNorm2d(C),
    "GroupNorm(4, C)": nn.GroupNorm(4, C),
    "InstanceNorm2d(C)": nn.InstanceNorm2d(C),  # 默认 affine=False：没有参数
    "InstanceNorm2d(C, affine)": nn.InstanceNorm2d(C, affine=True),
    "LayerNorm(D)": nn.LayerNorm(D),  # Transformer 的用法
    "LayerNorm([C, H, W])": nn.LayerNorm([C, H, W]),  # 每个元素一对 γ、β
}
for name, m in layers.items():
    print(f"{name}: {n_params(m)}")
# > BatchNorm2d(C): 32
# > GroupNorm(4, C): 32
# > InstanceNorm2d(C): 0
# > InstanceNorm2d(C, affine): 32
# > LayerNorm(D): 1024
# > LayerNorm([C, H, W]): 2048

# BN 还有不参与训练的缓冲区（buffer）：running_mean、running_var、num_batches_tracked
bn = layers["BatchNorm2d(C)"]
buffers = {name: tuple(b.shape) for name, b in bn.named_buffers()}
print(buffers)
# > {'running_mean': (16,), 'running_var': (16,), 'num_batches_tracked': ()}

# 用批统计量设定 γ、β，训练模式下 BN 恰好还原输入
X = torch.randn(4, C, H, W) * 3 + 2
bn_identity = nn.BatchNorm2d(C)
with torch.no_grad():
    bn_identity.weight.copy_(torch.sqrt(X.var(dim=(0, 2, 3), unbiased=False) + bn.eps))
    bn_identity.bias.copy_(X.mean(dim=(0, 2, 3)))

# LN：给每个词元（每一行）乘一个不同的正数、加一个不同的常数
tokens = torch.randn(6, D)
scale = torch.tensor([0.5, 1.0, 2.0, 3.0, 10.0, 100.0])[:, None]
shift = torch.tensor([-5.0, 0.0, 1.0, 2.0, 3.0, 50.0])[:, None]
ln = layers["LayerNorm(D)"]

# 检查：形状——BN、GN 的 γ 是 (C,)，LN 的 γ 与 normalized_shape 相同
assert bn.weight.shape == layers["GroupNorm(4, C)"].weight.shape == (C,)
assert layers["LayerNorm(D)"].weight.shape == (D,)
assert layers["LayerNorm([C, H, W])"].weight.shape == (C, H, W)
# 检查：参数量 = 2 × γ 的元素个数；初值 γ = 1、β = 0
for m in layers.values():
    if m.weight is not None:
        assert n_params(m) == 2 * m.weight.numel()
        assert (m.weight == 1).all() and (m.bias == 0).all()
# 检查：γ = √(σ² + ε)、β = μ 时，BN 输出等于输入
torch.testing.assert_close(bn_identity(X), X)
# 检查：LN 的输出与每个样本整体的平移、缩放无关（误差来自 ε）——无论 γ、β 取什么，
# 输出里都不再有这部分信息；而输入本身确实变了
torch.testing.assert_close(ln(scale * tokens + shift), ln(tokens), atol=1e-4, rtol=0)
assert not torch.allclose(scale * tokens + shift, tokens, atol=0.1)
