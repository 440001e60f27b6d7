"""卷积层参数量 = C_out·(C_in/groups)·k_h·k_w + C_out（偏置），与输入图像大小无关。"""

import torch
from torch import nn

torch.manual_seed(0)


def conv_params(
    C_in: int, C_out: int, k_h: int, k_w: int, groups: int = 1, bias: bool = True
) -> int:
    return C_out * (C_in // groups) * k_h * k_w + (C_out if bias else 0)


cases = {
    # 名称: (C_in, C_out, k_h, k_w, groups, bias)
    "普通 3×3": (3, 64, 3, 3, 1, True),
    "无偏置 3×3": (64, 128, 3, 3, 1, False),
    "非方形 3×5": (16, 32, 3, 5, 1, True),
    "1×1": (256, 64, 1, 1, 1, True),
    "分组 groups=4": (64, 128, 3, 3, 4, True),
    "逐通道 depthwise": (64, 64, 3, 3, 64, True),
}
convs = {
    name: nn.Conv2d(C_in, C_out, (k_h, k_w), groups=g, bias=bias)
    for name, (C_in, C_out, k_h, k_w, g, bias) in cases.items()
}
for name, conv in convs.items():
    print(f"{name}: {sum(p.numel() for p in conv.parameters())}")
# > 普通 3×3: 1792
# > 无偏置 3×3: 73728
# > 非方形 3×5: 7712
# > 1×1: 16448
# > 分组 groups=4: 18560
# > 逐通道 depthwise: 640

# 深度可分离卷积 = 逐通道 3×3 + 逐点 1×1，对比输入输出通道相同的普通 3×3
standard = nn.Conv2d(64, 128, 3, padding=1)
separable = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1, groups=64), nn.Conv2d(64, 128, 1))
n_standard = sum(p.numel() for p in standard.parameters())
n_separable = sum(p.numel() for p in separable.parameters())
print(n_standard, n_separable, round(n_standard / n_separable, 1))
# > 73856 8960 8.2

# 检查 1：权重形状是 (C_out, C_in/groups, k_h, k_w)，参数量等于公式
for name, (C_in, C_out, k_h, k_w, g, bias) in cases.items():
    conv = convs[name]
    assert conv.weight.shape == (C_out, C_in // g, k_h, k_w)
    assert sum(p.numel() for p in conv.parameters()) == conv_params(C_in, C_out, k_h, k_w, g, bias)

# 检查 2：参数量与输入大小无关，同一层既能处理 8×8 也能处理 32×32
conv = convs["普通 3×3"]
assert conv(torch.randn(1, 3, 8, 8)).shape == (1, 64, 6, 6)
assert conv(torch.randn(1, 3, 32, 32)).shape == (1, 64, 30, 30)

# 检查 3：深度可分离卷积输出形状相同，参数量与公式一致
X = torch.randn(1, 64, 8, 8)
assert standard(X).shape == separable(X).shape == (1, 128, 8, 8)
assert n_standard == conv_params(64, 128, 3, 3)
assert n_separable == conv_params(64, 64, 3, 3, groups=64) + conv_params(64, 128, 1, 1)
# 检查 4：不计偏置时，可分离/普通 = 1/C_out + 1/k²（这里 1/128 + 1/9）
ratio = (conv_params(64, 64, 3, 3, 64, False) + conv_params(64, 128, 1, 1, bias=False)) / (
    conv_params(64, 128, 3, 3, bias=False)
)
assert abs(ratio - (1 / 128 + 1 / 9)) < 1e-12

# 检查 5：卷积后接批归一化（训练模式）时，偏置会被减掉的均值抵消，所以这时常设 bias=False
conv_with_bias = nn.Conv2d(3, 8, 3)
conv_no_bias = nn.Conv2d(3, 8, 3, bias=False)
with torch.no_grad():
    conv_no_bias.weight.copy_(conv_with_bias.weight)
bn = nn.BatchNorm2d(8)
X = torch.randn(4, 3, 8, 8)
torch.testing.assert_close(bn(conv_with_bias(X)), bn(conv_no_bias(X)))
