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

# 整个网络：20 个权重矩阵方向相同、只差整体尺度（std=0.01 与 std=1），有 BN 时输出几乎一样
directions = [torch.randn(n, n) for _ in range(L)]


def deep_output(scale: float, use_bn: bool, eps: float = 1e-5) -> torch.Tensor:
    h = X
    for D in directions:
        z = h @ (scale * D).T
        h = torch.relu(
            nn.functional.batch_norm(z, None, None, training=True, eps=eps) if use_bn else z
        )
    return h


# 检查：没有 BN 时 20 层后消失（< 1e-15）或爆炸（> 1e15）；有 BN 时标准差都在 1 附近
assert stds[(0.01, False)] < 1e-15 and stds[(1.0, False)] > 1e15
for w in (0.01, 1.0):
    assert abs(stds[(w, True)] - 1) < 0.02
# 检查：权重放大 100 倍，BN 的输出几乎不变
torch.testing.assert_close(out_scaled, out, rtol=1e-3, atol=1e-3)
# 检查：有 BN 时，权重尺度差 100 倍的两个 20 层网络输出几乎相同（相对差别约 0.7%）；
# 差别只来自 ε：把 ε 从 1e-5 换成 1e-12，相对差别降到 1e-3 以下（剩下的是 float32 舍入）。
# 没有 BN 时，ReLU 网络对权重尺度是齐次的，输出恰好相差 100^20 = 10^40 倍
with_bn_small, with_bn_large = deep_output(0.01, True), deep_output(1.0, True)
rel_diff = ((with_bn_small - with_bn_large).norm() / with_bn_large.norm()).item()
assert 0.003 < rel_diff < 0.01
tiny_eps = [deep_output(scale, True, eps=1e-12) for scale in (0.01, 1.0)]
assert (tiny_eps[0] - tiny_eps[1]).norm() < 1e-3 * tiny_eps[1].norm()
no_bn_small, no_bn_large = deep_output(0.01, False), deep_output(1.0, False)
ratio = no_bn_large.double().norm() / no_bn_small.double().norm()  # 10^40 超出 float32 的范围
assert abs(ratio.log10().item() - 40) < 1e-3
