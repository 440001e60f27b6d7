"""感受野 r = 1 + Σ (k_l − 1)·Π_{i<l} s_i：两个 3×3 = 一个 5×5，用梯度非零的区域验证。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)


Layer = tuple[str, int, int, int]  # (类型, 核大小 k, 步幅 s, 空洞率 d)


def receptive_field(layers: list[Layer]) -> int:
    """layers：从输入到输出逐层列出；空洞卷积的核实际跨度是 d(k-1)+1。"""
    r, jump = 1, 1  # jump：当前层的输入上相邻两个位置在原始输入上相隔几个像素
    for _, k, s, d in layers:
        r += d * (k - 1) * jump
        jump *= s
    return r


def grad_of_one_output(layers: list[Layer], n: int = 16) -> torch.Tensor:
    """输出左上角那一个值对输入的梯度；卷积核全为 1，梯度非零处就是它“看得到”的输入。"""
    X = torch.randn(1, 1, n, n, requires_grad=True)
    h = X
    for kind, k, s, d in layers:
        if kind == "conv":
            h = F.conv2d(h, torch.ones(1, 1, k, k), stride=s, dilation=d)
        else:
            h = F.avg_pool2d(h, k, s)
    h[0, 0, 0, 0].backward()
    return X.grad[0, 0]


conv3 = ("conv", 3, 1, 1)
nets = {
    "3×3": [conv3],
    "3×3 ×2": [conv3, conv3],
    "5×5": [("conv", 5, 1, 1)],
    "3×3 ×3": [conv3, conv3, conv3],
    "3×3 + 池化 + 3×3": [conv3, ("pool", 2, 2, 1), conv3],
    "3×3 + 空洞 3×3（d=2）": [conv3, ("conv", 3, 1, 2)],
}
for name, layers in nets.items():
    print(f"{name}: {receptive_field(layers)}")
# > 3×3: 3
# > 3×3 ×2: 5
# > 5×5: 5
# > 3×3 ×3: 7
# > 3×3 + 池化 + 3×3: 8
# > 3×3 + 空洞 3×3（d=2）: 7

# 两个 3×3 时，感受野里各输入像素的梯度（即影响大小）：中间大、边缘小
grad = grad_of_one_output(nets["3×3 ×2"])
print(grad[:5, :5].int().tolist())
# > [[1, 2, 3, 2, 1], [2, 4, 6, 4, 2], [3, 6, 9, 6, 3], [2, 4, 6, 4, 2], [1, 2, 3, 2, 1]]

# 参数量（C 个通道进、C 个通道出，不计偏置）：两个 3×3 是 18C²，一个 5×5 是 25C²
C = 64


def conv(k: int) -> nn.Conv2d:
    return nn.Conv2d(C, C, k, padding=k // 2, bias=False)  # "same" 填充，特征图大小不变


def n_params(net: nn.Module) -> int:
    return sum(p.numel() for p in net.parameters())


two_3x3, one_5x5 = nn.Sequential(conv(3), conv(3)), conv(5)
three_3x3, one_7x7 = nn.Sequential(conv(3), conv(3), conv(3)), conv(7)
counts = [n_params(m) for m in (two_3x3, one_5x5, three_3x3, one_7x7)]
print(*counts)
# > 73728 102400 110592 200704

# 检查 1：梯度非零的位置恰好是左上角 r×r 的正方形
for name, layers in nets.items():
    r = receptive_field(layers)
    expected = torch.zeros(16, 16, dtype=torch.bool)
    expected[:r, :r] = True
    assert torch.equal(grad_of_one_output(layers) != 0, expected), name

# 检查 2：两个全 1 的 3×3 叠起来，影响大小是 [1,2,3,2,1] 的外积（中心像素的影响是角落的 9 倍）
v = torch.tensor([1.0, 2.0, 3.0, 2.0, 1.0])
torch.testing.assert_close(grad[:5, :5], torch.outer(v, v))

# 检查 3：参数量公式 2·9C² < 25C²，3·9C² < 49C²
assert counts == [18 * C**2, 25 * C**2, 27 * C**2, 49 * C**2]

# 检查 4：特征图大小相同时，乘加次数之比也是 18 : 25（FlopCounterMode 统计）
X = torch.randn(1, C, 8, 8)
with FlopCounterMode(display=False) as flops_two_3x3:
    two_3x3(X)
with FlopCounterMode(display=False) as flops_one_5x5:
    one_5x5(X)
assert flops_two_3x3.get_total_flops() * 25 == flops_one_5x5.get_total_flops() * 18
