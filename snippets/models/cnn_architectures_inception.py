"""Inception 模块：四条分支在通道维拼接；分支里的 1×1 卷积先降维，参数和乘加次数少一半多。"""

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)


def conv_relu(c_in: int, c_out: int, k: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2), nn.ReLU())


class Inception(nn.Module):
    """GoogLeNet 的 Inception 模块；reduce=False 是论文图 2(a) 的“朴素版”。"""

    def __init__(self, c_in, c1, c3_red, c3, c5_red, c5, pool_proj, reduce=True):
        super().__init__()
        self.b1 = conv_relu(c_in, c1, 1)
        if reduce:  # 图 2(b)：3×3、5×5 之前先用 1×1 降维，池化之后用 1×1 投影
            self.b3 = nn.Sequential(conv_relu(c_in, c3_red, 1), conv_relu(c3_red, c3, 3))
            self.b5 = nn.Sequential(conv_relu(c_in, c5_red, 1), conv_relu(c5_red, c5, 5))
            self.bp = nn.Sequential(nn.MaxPool2d(3, 1, 1), conv_relu(c_in, pool_proj, 1))
        else:
            self.b3, self.b5 = conv_relu(c_in, c3, 3), conv_relu(c_in, c5, 5)
            self.bp = nn.MaxPool2d(3, 1, 1)  # 池化分支原样输出 c_in 个通道

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.b1(x), self.b3(x), self.b5(x), self.bp(x)], dim=1)


def weights(m: nn.Module) -> int:
    """只数卷积核的权重（不含偏置）。"""
    return sum(c.weight.numel() for c in m.modules() if isinstance(c, nn.Conv2d))


def macs(m: nn.Module, x: torch.Tensor) -> int:
    with FlopCounterMode(display=False) as counter:
        m(x)
    return counter.get_total_flops() // 2  # FlopCounterMode 把一次乘加记作 2 次浮点运算


# 论文表 1 的 inception (3a)：输入 28×28×192
cfg = dict(c_in=192, c1=64, c3_red=96, c3=128, c5_red=16, c5=32, pool_proj=32)
x = torch.randn(1, 192, 28, 28)
for reduce in (True, False):
    block = Inception(**cfg, reduce=reduce)
    out = block(x)
    name = "有 1×1 降维" if reduce else "朴素版    "
    print(f"{name}: 输出 {tuple(out.shape[1:])}, 权重 {weights(block)}, 乘加 {macs(block, x)}")
# > 有 1×1 降维: 输出 (256, 28, 28), 权重 163328, 乘加 128049152
# > 朴素版    : 输出 (416, 28, 28), 权重 387072, 乘加 303464448

# 检查 1：输出通道数 = 各分支输出通道数之和（拼接，不是相加）；池化分支不改变通道数，
# 所以朴素版的输出通道数 64 + 128 + 32 + 192 = 416 只会一层比一层多
reduced, naive = Inception(**cfg), Inception(**cfg, reduce=False)
assert reduced(x).shape[1] == 64 + 128 + 32 + 32 == 256
assert naive(x).shape[1] == 64 + 128 + 32 + 192

# 检查 2：权重个数与闭式一致；乘加次数 = 28·28·权重个数
# （步幅 1、same 填充时每个权重在每个位置用一次）
closed = 192 * 64 + (192 * 96 + 96 * 128 * 9) + (192 * 16 + 16 * 32 * 25) + 192 * 32
assert weights(reduced) == closed == 163_328
assert macs(reduced, x) == 28 * 28 * closed
assert weights(naive) == 192 * 64 + 192 * 128 * 9 + 192 * 32 * 25 == 387_072

# 检查 3：与论文表 1 的 inception (3a) 相符：参数 159K（按 1K = 1024 计，163,328 / 1024 = 159.5），
# 运算 128M 次乘加
assert int(weights(reduced) / 1024) == 159 and round(macs(reduced, x) / 1e6) == 128

# 检查 4：降维让权重和乘加都减少一半多（387,072 / 163,328 ≈ 2.37）
assert 2.3 < weights(naive) / weights(reduced) < 2.4
assert 2.3 < macs(naive, x) / macs(reduced, x) < 2.4
