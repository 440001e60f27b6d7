"""放在哪里：ReLU 与 Dropout 可以交换顺序（同一个掩码下结果相同），Sigmoid 不行；
卷积特征图上用 nn.Dropout2d 丢弃整个通道，nn.Dropout 只丢弃单个像素。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
p = 0.5
x = torch.randn(4, 8)

# 1) 同一个掩码（同一个种子）下比较两种顺序
torch.manual_seed(1)
relu_then_drop = F.dropout(torch.relu(x), p, training=True)
torch.manual_seed(1)
drop_then_relu = torch.relu(F.dropout(x, p, training=True))
torch.manual_seed(1)
sigmoid_then_drop = F.dropout(torch.sigmoid(x), p, training=True)
torch.manual_seed(1)
drop_then_sigmoid = torch.sigmoid(F.dropout(x, p, training=True))

# 2) 卷积特征图 (N, C, H, W)：相邻像素高度相关，逐像素丢弃几乎不丢信息，Dropout2d 整个通道一起丢
fmap = torch.randn(16, 32, 6, 6)
out_2d = nn.Dropout2d(p)(fmap)
out_1d = nn.Dropout(p)(fmap)
ch_zero_2d = (out_2d == 0).flatten(2).all(dim=2)  # (N, C)：这个通道是否整个为 0
ch_zero_1d = (out_1d == 0).flatten(2).all(dim=2)
print(f"Dropout2d 整通道置零的比例 {ch_zero_2d.float().mean():.3f}")
print(f"Dropout 整通道置零的比例 {ch_zero_1d.float().mean():.3f}")
# > Dropout2d 整通道置零的比例 0.475
# > Dropout 整通道置零的比例 0.000

# 检查 1：ReLU(m·x/(1-p)) = m·ReLU(x)/(1-p)，因为 m/(1-p) ≥ 0 且 ReLU 是正齐次的
torch.testing.assert_close(relu_then_drop, drop_then_relu)
# 检查 2：Sigmoid 不行：被丢弃的单元在“先丢弃再 Sigmoid”时输出 sigmoid(0) = 0.5，而不是 0
assert not torch.allclose(sigmoid_then_drop, drop_then_sigmoid)
dropped = sigmoid_then_drop == 0
assert dropped.any() and (drop_then_sigmoid[dropped] == 0.5).all()
# 检查 3：Dropout2d 的每个通道要么整个为 0，要么整个乘以 1/(1-p)；整通道置零的比例约为 p
kept = ~ch_zero_2d
torch.testing.assert_close(out_2d[kept], fmap[kept] / (1 - p))
assert abs(ch_zero_2d.float().mean().item() - p) < 0.05
# 检查 4：逐元素的 Dropout 几乎不会把 36 个像素的通道整个清零（概率 0.5³⁶）
assert not ch_zero_1d.any()
