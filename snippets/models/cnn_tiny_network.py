"""最小的 CNN：(Conv → ReLU → Pool) ×2 → Flatten → Linear → Softmax，逐层核对形状。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

net = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),  # 3×3、padding=1：尺寸不变
    nn.ReLU(),
    nn.MaxPool2d(2),  # 尺寸减半
    nn.Conv2d(8, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),  # (N, C, H, W) -> (N, C·H·W)
    nn.Linear(16 * 7 * 7, 10),  # 输出 10 个类别的 logits
)

X = torch.randn(2, 1, 28, 28)  # 2 张 28×28 的灰度图
shapes = []
h = X
for layer in net:
    h = layer(h)
    shapes.append(tuple(h.shape))
    print(f"{type(layer).__name__}: {shapes[-1]}")
# > Conv2d: (2, 8, 28, 28)
# > ReLU: (2, 8, 28, 28)
# > MaxPool2d: (2, 8, 14, 14)
# > Conv2d: (2, 16, 14, 14)
# > ReLU: (2, 16, 14, 14)
# > MaxPool2d: (2, 16, 7, 7)
# > Flatten: (2, 784)
# > Linear: (2, 10)

logits = h
probs = F.softmax(logits, dim=1)  # 预测时才需要 softmax 得到概率
n_params = [sum(p.numel() for p in layer.parameters()) for layer in net]
print(n_params, sum(n_params))
# > [80, 0, 0, 1168, 0, 0, 0, 7850] 9098


def conv_out(n: int, k: int, p: int = 0, s: int = 1) -> int:
    return (n + 2 * p - k) // s + 1


# 检查 1：每层形状与输出尺寸公式一致
s1 = conv_out(28, k=3, p=1)  # 28
p1 = conv_out(s1, k=2, s=2)  # 14
s2 = conv_out(p1, k=3, p=1)  # 14
p2 = conv_out(s2, k=2, s=2)  # 7
assert shapes == [
    (2, 8, s1, s1),
    (2, 8, s1, s1),
    (2, 8, p1, p1),
    (2, 16, s2, s2),
    (2, 16, s2, s2),
    (2, 16, p2, p2),
    (2, 16 * p2 * p2),
    (2, 10),
]
# 检查 2：参数量 = 两个卷积层 + 一个全连接层；ReLU、池化、Flatten 没有参数
assert n_params == [8 * 1 * 9 + 8, 0, 0, 16 * 8 * 9 + 16, 0, 0, 0, 784 * 10 + 10]
# 检查 3：softmax 的每行是概率分布
torch.testing.assert_close(probs.sum(dim=1), torch.ones(2))
assert (probs > 0).all()
# 检查 4：训练时 nn.CrossEntropyLoss 直接吃 logits，它内部已经做了 log_softmax
y = torch.tensor([3, 7])
loss = nn.CrossEntropyLoss()(logits, y)
torch.testing.assert_close(loss, -torch.log(probs[torch.arange(2), y]).mean())
#         若先 softmax 再送进去，等于做了两次 softmax，损失就不对了
wrong = nn.CrossEntropyLoss()(probs, y)
torch.testing.assert_close(wrong, -F.log_softmax(F.softmax(logits, dim=1), dim=1)[[0, 1], y].mean())
assert not torch.allclose(wrong, loss)
# 检查 5：全局平均池化（GAP）把每个通道平均成一个数，代替 Flatten 后全连接层只需 16·10 + 10 个参数
features = net[:6](X)  # 最后一个池化层的输出 (2, 16, 7, 7)
gap = nn.AdaptiveAvgPool2d(1)
torch.testing.assert_close(gap(features).flatten(1), features.mean(dim=(2, 3)))
assert sum(p.numel() for p in nn.Linear(16, 10).parameters()) == 16 * 10 + 10
