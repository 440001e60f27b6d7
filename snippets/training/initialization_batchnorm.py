"""批归一化让网络对初始化不敏感：20 层 ReLU 网络用 std=0.01 或 std=1 这样的坏初始化，
不加 BN 激活值消失或爆炸，加了 BN 每层输出都回到均值 0、方差 1；BN 的输出与权重的缩放无关。"""

import torch
from torch import nn

torch.manual_seed(0)

L, n, batch = 20, 256, 64
X = torch.randn(batch, n)


def last_std(weight_std: float, use_bn: bool) -> float:
    """L 层 Linear →（BN）→ ReLU，返回最后一层 Linear（+BN）输出的标准差。"""
    h = X
    for _ in range(L):
        linear = nn.Linear(n, n, bias=False)
        nn.init.normal_(linear.weight, std=weight_std)  # 故意用不合适的标准差
        z = linear(h)
        if use_bn:
            z = nn.BatchNorm1d(n)(z)  # 训练模式：用当前批次的均值和方差
        h = torch.relu(z)
    return z.std().item()


stds = {(w, bn): last_std(w, bn) for w in (0.01, 1.0) for bn in (False, True)}
for (w, bn), s in stds.items():
    print(f"std={w} BN={bn}: {s:.1e}")
# > std=0.01 BN=False: 1.3e-19
# > std=0.01 BN=True: 1.0e+00
# > std=1.0 BN=False: 1.8e+21
# > std=1.0 BN=True: 1.0e+00

# BN 的输出与权重缩放无关：BN(a·Wx) = BN(Wx)（a > 0，忽略 ε）
linear = nn.Linear(n, n, bias=False)
bn = nn.BatchNorm1d(n)
out = bn(linear(X))
with torch.no_grad():
    linear.weight.mul_(100.0)
out_scaled = bn(linear(X))

# 检查：没有 BN 时 20 层后消失（< 1e-15）或爆炸（> 1e15）；有 BN 时标准差都在 1 附近
assert stds[(0.01, False)] < 1e-15 and stds[(1.0, False)] > 1e15
for w in (0.01, 1.0):
    assert abs(stds[(w, True)] - 1) < 0.02
# 检查：权重放大 100 倍，BN 的输出几乎不变
torch.testing.assert_close(out_scaled, out, rtol=1e-3, atol=1e-3)
