"""残差块：基本块与瓶颈块的参数量，ResNet-18～152 的乘加次数，残差分支为零时整块是恒等映射。"""

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)


def n_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())


def conv_bn(c_in: int, c_out: int, k: int, stride: int = 1) -> list[nn.Module]:
    return [nn.Conv2d(c_in, c_out, k, stride, padding=k // 2, bias=False), nn.BatchNorm2d(c_out)]


class Block(nn.Module):
    """y = ReLU(F(x) + shortcut(x))；尺寸或通道变化时 shortcut 是 1×1 卷积投影（论文的选项 B）。"""

    def __init__(
        self, c_in: int, mid: int, stride: int, bottleneck: bool, stride_on_3x3: bool = False
    ):
        super().__init__()
        c_out = mid * 4 if bottleneck else mid
        if bottleneck:  # 1×1 降维 → 3×3 → 1×1 升维；原论文把下采样的步幅放在第一个 1×1 上
            s1, s3 = (1, stride) if stride_on_3x3 else (stride, 1)
            layers = [*conv_bn(c_in, mid, 1, s1), nn.ReLU(), *conv_bn(mid, mid, 3, s3)]
            layers += [nn.ReLU(), *conv_bn(mid, c_out, 1)]
        else:  # 两个 3×3
            layers = [*conv_bn(c_in, mid, 3, stride), nn.ReLU(), *conv_bn(mid, mid, 3)]
        self.residual = nn.Sequential(*layers)
        needs_projection = stride != 1 or c_in != c_out
        self.shortcut = (
            nn.Sequential(*conv_bn(c_in, c_out, 1, stride)) if needs_projection else nn.Identity()
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(self.residual(x) + self.shortcut(x))


def resnet(blocks: list[int], bottleneck: bool, stride_on_3x3: bool = False) -> nn.Sequential:
    layers, c = [*conv_bn(3, 64, 7, 2), nn.ReLU(), nn.MaxPool2d(3, 2, padding=1)], 64
    for stage, n in enumerate(blocks):
        mid = 64 * 2**stage
        for i in range(n):
            stride = 2 if stage > 0 and i == 0 else 1
            layers.append(Block(c, mid, stride, bottleneck, stride_on_3x3))
            c = mid * 4 if bottleneck else mid
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, 1000))


def count_macs(m: nn.Module, x: torch.Tensor) -> tuple[int, torch.Size]:
    with FlopCounterMode(display=False) as counter:
        out = m(x)
    return counter.get_total_flops() // 2, out.shape  # 一次乘加 = 2 次浮点运算


cache: dict[tuple[str, torch.Size], tuple[int, torch.Size]] = {}


def macs(net: nn.Sequential) -> int:
    """逐个子模块用 FlopCounterMode 计数再相加。结构（repr 列出每层的全部超参数）和输入形状
    都相同的子模块，乘加次数必然相同，只数一次：ResNet-152 的 50 个块只有 8 种。"""
    x, total = torch.empty(1, 3, 224, 224, device="meta"), 0
    for m in net:
        key = (repr(m), x.shape)
        if key not in cache:
            cache[key] = count_macs(m, x)
        total += cache[key][0]
        x = torch.empty(cache[key][1], device="meta")
    return total


# ---- 一个块：基本块（64 通道）与瓶颈块（256 → 64 → 256）----
basic, bottle = Block(64, 64, 1, False), Block(256, 64, 1, True)
conv_weights = [
    sum(m.weight.numel() for m in b.modules() if isinstance(m, nn.Conv2d)) for b in (basic, bottle)
]
print("卷积权重 基本块:", conv_weights[0], "瓶颈块:", conv_weights[1])
# > 卷积权重 基本块: 73728 瓶颈块: 69632

# ---- 整个网络：论文表 1 的五种深度，输入 224×224 ----
CONFIGS = {18: ([2, 2, 2, 2], False), 34: ([3, 4, 6, 3], False), 50: ([3, 4, 6, 3], True)}
CONFIGS |= {101: ([3, 4, 23, 3], True), 152: ([3, 8, 36, 3], True)}
PAPER_GFLOPS = {18: 1.8, 34: 3.6, 50: 3.8, 101: 7.6, 152: 11.3}  # 论文表 1（按乘加计）
results = {}
with torch.device("meta"):  # 只要形状，不分配内存
    for depth, (blocks, bottleneck) in CONFIGS.items():
        net = resnet(blocks, bottleneck)
        n_weight_layers = sum(isinstance(m, nn.Conv2d | nn.Linear) for m in net.modules())
        n_proj = sum(isinstance(m, Block) and not isinstance(m.shortcut, nn.Identity) for m in net)
        results[depth] = (n_weight_layers - n_proj, n_params(net), macs(net))
        print(f"ResNet-{depth}: {results[depth][1]} 个参数，{results[depth][2] / 1e9:.2f}G 次乘加")
    v15 = resnet([3, 4, 6, 3], True, stride_on_3x3=True)  # torchvision 等采用的“v1.5”
# > ResNet-18: 11689512 个参数，1.81G 次乘加
# > ResNet-34: 21797672 个参数，3.66G 次乘加
# > ResNet-50: 25557032 个参数，3.86G 次乘加
# > ResNet-101: 44549160 个参数，7.57G 次乘加
# > ResNet-152: 60192808 个参数，11.28G 次乘加
v15_macs = macs(v15)
print(f"ResNet-50 v1.5（步幅放在 3×3 上）: {v15_macs / 1e9:.2f}G 次乘加")
# > ResNet-50 v1.5（步幅放在 3×3 上）: 4.09G 次乘加

# 检查 1：基本块两个 3×3 是 2·9·64²；瓶颈块 256·64 + 9·64² + 64·256，比前者还少一点
assert conv_weights == [2 * 9 * 64 * 64, 256 * 64 + 9 * 64 * 64 + 64 * 256]
# 恒等捷径没有参数：整块参数 = 残差分支参数
assert n_params(basic) == n_params(basic.residual) and n_params(bottle) == n_params(bottle.residual)

# 检查 2：名字里的深度 = 主路径上的卷积层数 + 最后的全连接层（不计投影捷径）
assert all(results[d][0] == d for d in CONFIGS)

# 检查 3：逐块计数（带缓存）与整个网络一次前向的计数相同
with torch.device("meta"):
    assert count_macs(resnet([2, 2, 2, 2], False), torch.empty(1, 3, 224, 224))[0] == results[18][2]
# 乘加次数与论文表 1 的 FLOPs 相差都在 2% 以内；152 层仍比论文给的 VGG-16（15.3G）少
assert all(abs(results[d][2] / 1e9 / PAPER_GFLOPS[d] - 1) < 0.02 for d in CONFIGS)
assert results[152][2] < 15.3e9
# ResNet-50 比 ResNet-34 多 16 层，乘加只多约 5%
assert 1.04 < results[50][2] / results[34][2] < 1.06
# 步幅挪到 3×3 上，3×3 卷积在 2 倍大的特征图上运算，乘加多出约 6%
assert 1.05 < v15_macs / results[50][2] < 1.07 and n_params(v15) == results[50][1]

# 检查 4：参数量与 torchvision 文档公布的 num_params 逐个相同（一份独立的实现）；乘加次数与它公布的
# GFLOPS（按乘加计）一致：18/34 层 1.81/3.66，ResNet-50 是 v1.5，4.09
TORCHVISION = {18: 11_689_512, 34: 21_797_672, 50: 25_557_032, 101: 44_549_160, 152: 60_192_808}
assert all(results[d][1] == TORCHVISION[d] for d in CONFIGS)
assert [round(m / 1e9, 2) for m in (results[18][2], results[34][2], v15_macs)] == [1.81, 3.66, 4.09]

# 检查 5：把残差分支最后一个批归一化的 γ 置零，块的输出就等于输入（输入非负时），
# 雅可比矩阵正是单位矩阵——梯度原样穿过这个块
block = Block(8, 8, 1, False).double().eval()
nn.init.zeros_(block.residual[-1].weight)
x = torch.rand(1, 8, 5, 5, dtype=torch.float64)  # 非负，如同前一个块 ReLU 之后的输出
torch.testing.assert_close(block(x), x)
J = torch.autograd.functional.jacobian(block, x, vectorize=True).reshape(200, 200)
torch.testing.assert_close(J, torch.eye(200, dtype=torch.float64))
