"""DenseNet：每层的输入是前面所有层输出的拼接，通道数按增长率线性增加；搭出 DenseNet-121/201。"""

import torch
from torch import nn

torch.manual_seed(0)


def n_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())


class DenseLayer(nn.Module):
    """DenseNet-BC 的一层：BN-ReLU-1×1 卷积（4k 通道）-BN-ReLU-3×3 卷积（k 通道），再与输入拼接。"""

    def __init__(self, c_in: int, k: int):
        super().__init__()
        self.f = nn.Sequential(
            nn.BatchNorm2d(c_in), nn.ReLU(), nn.Conv2d(c_in, 4 * k, 1, bias=False),
            nn.BatchNorm2d(4 * k), nn.ReLU(), nn.Conv2d(4 * k, k, 3, padding=1, bias=False),
        )  # fmt: skip

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([x, self.f(x)], dim=1)  # 拼接，不是相加


def densenet(blocks: list[int], k: int = 32) -> nn.Sequential:
    layers, c = [nn.Conv2d(3, 2 * k, 7, 2, 3, bias=False), nn.BatchNorm2d(2 * k), nn.ReLU()], 2 * k
    layers.append(nn.MaxPool2d(3, 2, 1))
    for i, n in enumerate(blocks):
        for _ in range(n):
            layers.append(DenseLayer(c, k))
            c += k
        if i < len(blocks) - 1:  # 过渡层：1×1 卷积把通道数减半（压缩系数 0.5），再 2×2 平均池化
            layers += [
                nn.BatchNorm2d(c),
                nn.ReLU(),
                nn.Conv2d(c, c // 2, 1, bias=False),
                nn.AvgPool2d(2),
            ]
            c //= 2
    layers += [
        nn.BatchNorm2d(c),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(c, 1000),
    ]
    return nn.Sequential(*layers)


# ---- 一个稠密块：输入 64 个通道，6 层，增长率 k = 32 ----
block = nn.Sequential(*[DenseLayer(64 + i * 32, 32) for i in range(6)]).eval()
x = torch.randn(2, 64, 8, 8)
channels = [x.shape[1]]
h = x
for layer in block:
    h = layer(h)
    channels.append(h.shape[1])
print("各层之后的通道数:", channels)
# > 各层之后的通道数: [64, 96, 128, 160, 192, 224, 256]

# ---- 整个网络：论文表 1 的 DenseNet-121 与 DenseNet-201 ----
with torch.device("meta"):
    d121, d201 = densenet([6, 12, 24, 16]), densenet([6, 12, 48, 32])
depth = sum(isinstance(m, nn.Conv2d | nn.Linear) for m in d121.modules())
print(
    f"DenseNet-121: {depth} 个带权重的层，{n_params(d121)} 个参数；DenseNet-201: {n_params(d201)}"
)
# > DenseNet-121: 121 个带权重的层，7978856 个参数；DenseNet-201: 20013928

# 检查 1：第 l 层之后的通道数是 k0 + l·k（线性增长），第 l 层的 1×1 卷积读进 k0 + (l-1)·k 个通道
assert channels == [64 + 32 * i for i in range(7)]
assert [layer.f[2].in_channels for layer in block] == channels[:-1]
# 检查 2：拼接把前面的特征原样传下去：块输出的前 64 个通道就是块的输入，一个数都没变
torch.testing.assert_close(h[:, :64], x, rtol=0, atol=0)
# 检查 3：名字里的 121 = 卷积层 + 全连接层的个数；参数个数与 torchvision 文档公布的
# densenet121、densenet201 的 num_params（7,978,856、20,013,928）逐个相同
assert depth == 121 and n_params(d121) == 7_978_856 and n_params(d201) == 20_013_928
# 不到 ResNet-50（25,557,032 个参数，见 cnn_architectures_resnet_blocks.py）的三分之一
assert n_params(d121) < 25_557_032 / 3
# 检查 4：论文说 DenseNet-201 约 2000 万参数，与 4000 多万参数的 ResNet-101 验证误差相近
assert round(n_params(d201) / 1e6) == 20
