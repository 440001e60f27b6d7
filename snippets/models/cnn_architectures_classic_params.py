"""LeNet-5、AlexNet、VGG 按论文的层配置搭出来，参数量与论文报告的数一致。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)


def n_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


# ---- LeNet-5（LeCun 等，1998）：按论文第 II.B 节逐层搭 ----
class Subsample(nn.Module):
    """S2、S4：2×2 窗口内四个数相加，乘一个可训练系数，再加一个可训练偏置（每个通道各一对）。"""

    def __init__(self, channels: int):
        super().__init__()
        self.coef = nn.Parameter(torch.ones(channels, 1, 1))
        self.bias = nn.Parameter(torch.zeros(channels, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(4 * F.avg_pool2d(x, 2) * self.coef + self.bias)


class C3(nn.Module):
    """C3 不与 S2 全连接：论文表 I 规定每个输出通道只看 S2 的一部分通道。"""

    TABLE = (
        [[i % 6, (i + 1) % 6, (i + 2) % 6] for i in range(6)]  # 6 个看连续 3 个
        + [[(i + j) % 6 for j in range(4)] for i in range(6)]  # 6 个看连续 4 个
        + [[0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5]]  # 3 个看不连续的 4 个
        + [list(range(6))]  # 1 个看全部 6 个
    )

    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList(nn.Conv2d(len(s), 1, 5) for s in self.TABLE)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([conv(x[:, s]) for conv, s in zip(self.convs, self.TABLE, strict=True)], 1)


lenet5 = nn.Sequential(
    nn.Conv2d(1, 6, 5), nn.Tanh(), Subsample(6),  # C1、S2
    C3(), nn.Tanh(), Subsample(16),  # C3、S4
    nn.Conv2d(16, 120, 5), nn.Tanh(), nn.Flatten(),  # C5：输入 5×5，输出 1×1
    nn.Linear(120, 84), nn.Tanh(),  # F6
)  # fmt: skip
# 输出层是 10 个欧氏径向基（RBF）单元，参数是手工设定、不训练的，这里不计入

# 连接数 = 每个输出单元的输入个数（含偏置）× 输出单元数，用前向钩子读出每层的输出形状
connections = []


def count_connections(module: nn.Module, inputs: tuple, output: torch.Tensor) -> None:
    if isinstance(module, nn.Conv2d):
        fan_in = module.in_channels * module.kernel_size[0] * module.kernel_size[1] + 1
        connections.append(output[0].numel() * fan_in)
    elif isinstance(module, Subsample):
        connections.append(output[0].numel() * (4 + 1))
    elif isinstance(module, nn.Linear):
        connections.append(output[0].numel() * (module.in_features + 1))


for m in lenet5.modules():
    m.register_forward_hook(count_connections)
y = lenet5(torch.randn(1, 1, 32, 32))
n_connections = sum(connections) + 84 * 10  # 加上输出层 RBF 的 840 个连接
print("LeNet-5:", n_params(lenet5), "个可训练参数,", n_connections, "个连接")
# > LeNet-5: 60000 个可训练参数, 340908 个连接

# 现代写法：C3 全连接、最大池化、ReLU、输出层换成 nn.Linear(84, 10)
lenet_modern = nn.Sequential(
    nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
    nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
)  # fmt: skip
print("现代写法的 LeNet:", n_params(lenet_modern))
# > 现代写法的 LeNet: 61706


# ---- AlexNet（Krizhevsky 等，2012）：两块 GPU，groups=2 表示只连同一块 GPU 上的通道 ----
def alexnet(groups: int = 2) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(3, 96, 11, stride=4), nn.ReLU(), nn.MaxPool2d(3, 2),  # 重叠池化
        nn.Conv2d(96, 256, 5, padding=2, groups=groups), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),  # 第 3 层跨 GPU 全连接
        nn.Conv2d(384, 384, 3, padding=1, groups=groups), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1, groups=groups), nn.ReLU(), nn.MaxPool2d(3, 2),
        nn.Flatten(),
        nn.Linear(256 * 6 * 6, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 1000),
    )  # fmt: skip


with torch.device("meta"):  # 只要形状和参数个数，不分配内存
    alex = alexnet()


def conv_output_sizes(net: nn.Sequential, side: int) -> list[tuple[int, ...]]:
    """各卷积层的输出形状，最后再加上展平之前的形状（送进第一个全连接层的特征图）。"""
    x = torch.empty(1, 3, side, side, device="meta")
    sizes = []
    for layer in net[: [type(m) for m in net].index(nn.Flatten)]:
        x = layer(x)
        if isinstance(layer, nn.Conv2d):
            sizes.append(tuple(x.shape[1:]))
    return [*sizes, tuple(x.shape[1:])]


n_fc = sum(n_params(m) for m in alex if isinstance(m, nn.Linear))
print("AlexNet:", n_params(alex), "个参数，全连接层占", f"{n_fc / n_params(alex):.1%}")
# > AlexNet: 60965224 个参数，全连接层占 96.2%
print("227:", conv_output_sizes(alex, 227))
# > 227: [(96, 55, 55), (256, 27, 27), (384, 13, 13), (384, 13, 13), (256, 13, 13), (256, 6, 6)]
print("224:", conv_output_sizes(alex, 224))
# > 224: [(96, 54, 54), (256, 26, 26), (384, 12, 12), (384, 12, 12), (256, 12, 12), (256, 5, 5)]


# ---- VGG（Simonyan 与 Zisserman，2014）：只用 3×3 卷积和 2×2 最大池化 ----
def vgg(cfg: list) -> nn.Sequential:
    layers, c = [], 3
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(2))
        else:
            layers += [nn.Conv2d(c, v, 3, padding=1), nn.ReLU()]
            c = v
    layers += [nn.Flatten(), nn.Linear(512 * 7 * 7, 4096), nn.ReLU(), nn.Linear(4096, 4096)]
    return nn.Sequential(*layers, nn.ReLU(), nn.Linear(4096, 1000))


VGG16 = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]
VGG19 = [64, 64, "M", 128, 128, "M", *[256] * 4, "M", *[512] * 4, "M", *[512] * 4, "M"]
with torch.device("meta"):
    vgg16, vgg19 = vgg(VGG16), vgg(VGG19)
n_weight_layers = {
    name: sum(isinstance(m, nn.Conv2d | nn.Linear) for m in net)
    for name, net in [("VGG-16", vgg16), ("VGG-19", vgg19)]
}
print(n_weight_layers, n_params(vgg16), n_params(vgg19))
# > {'VGG-16': 16, 'VGG-19': 19} 138357544 143667240
vgg_macs = {}
for name, net in [("VGG-16", vgg16), ("VGG-19", vgg19)]:
    with FlopCounterMode(display=False) as counter:
        net(torch.empty(1, 3, 224, 224, device="meta"))
    vgg_macs[name] = counter.get_total_flops() // 2  # 一次乘加 = 2 次浮点运算
print("乘加次数:", vgg_macs)
# > 乘加次数: {'VGG-16': 15470264320, 'VGG-19': 19632062464}

# 检查 1：LeNet-5 逐层参数量与论文一致（C1 156、S2 12、C3 1516、S4 32、C5 48120、F6 10164），
# 总数正好是论文说的 60,000，连接数正好是 340,908；前向形状 32 → 28 → 14 → 10 → 5 → 1
per_layer = [n_params(lenet5[i]) for i in (0, 2, 3, 5, 6, 9)]
assert per_layer == [156, 12, 1516, 32, 48120, 10164]
assert n_params(lenet5) == 60_000 and n_connections == 340_908 and y.shape == (1, 84)

# 检查 2：AlexNet 约 6000 万个参数（论文报告 60 million）；
# 输入 227 时第 2～5 层卷积输出的神经元数正是论文图 2 说明里的 186,624、64,896、64,896、43,264，
# 输入 224（第一层不补零）时对不上，(224 - 11) / 4 也不是整数
neurons = [c * h * w for c, h, w in conv_output_sizes(alex, 227)]
assert neurons[1:5] == [186_624, 64_896, 64_896, 43_264]
assert [c * h * w for c, h, w in conv_output_sizes(alex, 224)][1:5] != neurons[1:5]
# 输入 224 时展平后是 256×5×5 = 6400 维，而第一个全连接层要的是 256×6×6 = 9216 维
fc6 = next(m for m in alex if isinstance(m, nn.Linear))
assert neurons[5] == fc6.in_features == 9216
assert conv_output_sizes(alex, 224)[5] == (256, 5, 5)
assert round(n_params(alex) / 1e6) == 61 and (224 - 11) % 4 != 0 and (227 - 11) % 4 == 0

# 检查 3：VGG-16/19 的参数量四舍五入到百万，正是论文表 2 的 138 和 144
assert round(n_params(vgg16) / 1e6) == 138 and round(n_params(vgg19) / 1e6) == 144
# VGG-16 的第一个全连接层（25088 → 4096）一层就占了全部参数的七成多
fc1 = next(m for m in vgg16 if isinstance(m, nn.Linear))
assert fc1.weight.numel() == 512 * 7 * 7 * 4096 and fc1.weight.numel() / n_params(vgg16) > 0.7
# 乘加次数与 ResNet 论文引用的 VGG-16/19 的 15.3/19.6 billion FLOPs 相差不到 2%
assert abs(vgg_macs["VGG-16"] / 15.3e9 - 1) < 0.02 and abs(vgg_macs["VGG-19"] / 19.6e9 - 1) < 0.02
# 与另一份独立实现 torchvision 公布的数一致：VGG-16 有 138,357,544 个参数、
# 15.47 GFLOPS（按乘加计），VGG-19 为 143.67M、19.63G
assert n_params(vgg16) == 138_357_544 and round(vgg_macs["VGG-16"] / 1e9, 2) == 15.47
assert round(n_params(vgg19) / 1e6, 2) == 143.67 and round(vgg_macs["VGG-19"] / 1e9, 2) == 19.63
