"""放在哪里：ReLU 与 Dropout 可以交换顺序（同一个掩码下结果相同），Sigmoid、Tanh 不行；
卷积特征图上用 nn.Dropout2d 丢弃整个通道，nn.Dropout 只丢弃单个像素，
特征图在空间上平滑时，被丢的像素能从邻域补回来。"""

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
torch.manual_seed(1)
tanh_then_drop = F.dropout(torch.tanh(x), p, training=True)
torch.manual_seed(1)
drop_then_tanh = torch.tanh(F.dropout(x, p, training=True))

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

# 3) 逐像素丢弃为什么挡不住信息：特征图在空间上平滑（相邻像素高度相关）时，被丢掉的像素
# 可以用 3×3 邻域里保留下来的像素补回来；Dropout2d 丢掉的是整个通道，邻域里也没有可用的像素


def refill(out: torch.Tensor) -> torch.Tensor:
    """用 3×3 邻域里保留下来的像素（先还原掉 1/(1-p) 的放大）的平均值估计每个像素。"""
    kept = (out != 0).to(out.dtype)
    return F.avg_pool2d(out * (1 - p), 3, 1, 1) / F.avg_pool2d(kept, 3, 1, 1).clamp(min=1e-12)


def rel_err(estimate: torch.Tensor, target: torch.Tensor) -> float:
    return ((estimate - target) ** 2).mean().item() / target.pow(2).mean().item()


low_res = torch.randn(16, 32, 3, 3, dtype=torch.float64)
smooth = F.interpolate(low_res, size=(12, 12), mode="bilinear", align_corners=True)
noise = torch.randn(16, 32, 12, 12, dtype=torch.float64)  # 相邻像素互不相关
err_smooth = rel_err(refill(nn.Dropout(p)(smooth)), smooth)
err_noise = rel_err(refill(nn.Dropout(p)(noise)), noise)
err_2d = rel_err(refill(nn.Dropout2d(p)(smooth)), smooth)
print(f"用邻域补回丢掉的像素，相对误差：平滑特征图 {err_smooth:.2f}，不相关的 {err_noise:.2f}")
print(f"平滑特征图上用 Dropout2d：{err_2d:.2f}")
# > 用邻域补回丢掉的像素，相对误差：平滑特征图 0.04，不相关的 1.04
# > 平滑特征图上用 Dropout2d：0.53

# 检查 1：ReLU(m·x/(1-p)) = m·ReLU(x)/(1-p)，因为 m/(1-p) ≥ 0 且 ReLU 是正齐次的
torch.testing.assert_close(relu_then_drop, drop_then_relu)
# 检查 2：Sigmoid 不行：被丢弃的单元在“先丢弃再 Sigmoid”时输出 sigmoid(0) = 0.5，而不是 0
assert not torch.allclose(sigmoid_then_drop, drop_then_sigmoid)
dropped = sigmoid_then_drop == 0
assert dropped.any() and (drop_then_sigmoid[dropped] == 0.5).all()
# Tanh 也不行：被丢弃的单元两种顺序都输出 0（tanh(0) = 0），
# 但保留的单元 tanh(x/(1-p)) ≠ tanh(x)/(1-p)
assert (drop_then_tanh[dropped] == 0).all() and (tanh_then_drop[dropped] == 0).all()
assert not torch.allclose(tanh_then_drop[~dropped], drop_then_tanh[~dropped])
# 检查 3：Dropout2d 的每个通道要么整个为 0，要么整个乘以 1/(1-p)；整通道置零的比例约为 p
kept = ~ch_zero_2d
torch.testing.assert_close(out_2d[kept], fmap[kept] / (1 - p))
assert abs(ch_zero_2d.float().mean().item() - p) < 0.05
# 检查 4：逐元素的 Dropout 几乎不会把 36 个像素的通道整个清零（概率 0.5³⁶）
assert not ch_zero_1d.any()
# 检查 5：平滑的特征图上，逐元素 Dropout 丢掉的像素几乎都能从邻域补回来（误差 < 10%）；
# 同样的补法对不相关的特征图不管用，对 Dropout2d 丢掉的通道也不管用
assert err_smooth < 0.1 and err_noise > 0.5 and err_2d > 0.3
