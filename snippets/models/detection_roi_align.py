"""RoI Pooling 与 RoI Align：
- RoI Pooling 把框的坐标和每个格子的边界取整再做最大池化（与 F.adaptive_max_pool2d 一致）；
- RoI Align 不取整，每个格子取 2×2 个采样点做双线性插值再平均（与 F.grid_sample 一致）。
框平移不到一个特征格时，RoI Pooling 的输出纹丝不动，RoI Align 的输出跟着变。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
C, H, W = 3, 12, 16  # 特征图：步长 16，对应 192×256 的原图
stride = 16
feat = torch.randn(1, C, H, W, dtype=torch.float64)


def bilinear(f: torch.Tensor, u: float, v: float) -> torch.Tensor:
    """连续坐标 (u, v) 处的双线性插值；像素 i 的中心在 i + 0.5。只用周围 4 个像素。"""
    px, py = u - 0.5, v - 0.5
    x0, y0 = math.floor(px), math.floor(py)
    wx, wy = px - x0, py - y0
    return (
        (1 - wx) * (1 - wy) * f[:, y0, x0]
        + wx * (1 - wy) * f[:, y0, x0 + 1]
        + (1 - wx) * wy * f[:, y0 + 1, x0]
        + wx * wy * f[:, y0 + 1, x0 + 1]
    )


def roi_align_manual(f: torch.Tensor, box: list[float], out: int, sr: int) -> torch.Tensor:
    """box 是原图坐标 (x1, y1, x2, y2)。除以步长后不取整；每个格子取 sr×sr 个均匀采样点，取平均。"""
    x1, y1, x2, y2 = (c / stride for c in box)
    bw, bh = (x2 - x1) / out, (y2 - y1) / out
    res = torch.empty(f.shape[0], out, out, dtype=f.dtype)
    for i in range(out):
        for j in range(out):
            pts = [
                bilinear(f, x1 + (j + (b + 0.5) / sr) * bw, y1 + (i + (a + 0.5) / sr) * bh)
                for a in range(sr)
                for b in range(sr)
            ]
            res[:, i, j] = torch.stack(pts).mean(dim=0)
    return res


def roi_align_grid_sample(f: torch.Tensor, box: list[float], out: int, sr: int) -> torch.Tensor:
    """同样的采样点一次交给 F.grid_sample：align_corners=False 时归一化坐标是 2u/W − 1。"""
    x1, y1, x2, y2 = (c / stride for c in box)
    n = out * sr
    us = x1 + (torch.arange(n, dtype=f.dtype) + 0.5) * (x2 - x1) / n
    vs = y1 + (torch.arange(n, dtype=f.dtype) + 0.5) * (y2 - y1) / n
    gy, gx = torch.meshgrid(2 * vs / H - 1, 2 * us / W - 1, indexing="ij")
    samples = F.grid_sample(f, torch.stack([gx, gy], dim=-1)[None], align_corners=False)
    return F.avg_pool2d(samples, sr)[0]  # 每个格子的 sr×sr 个点取平均


def roi_pool(f: torch.Tensor, box: list[float], out: int) -> torch.Tensor:
    """Fast R-CNN 的 RoI Pooling：坐标除以步长后四舍五入，
    再把整数区域切成 out×out 个格子取最大值。"""
    x1, y1, x2, y2 = (round(c / stride) for c in box)
    region = f[:, :, y1 : y2 + 1, x1 : x2 + 1]
    h, w = region.shape[-2:]
    res = torch.empty(f.shape[1], out, out, dtype=f.dtype)
    for i in range(out):
        for j in range(out):
            ys = slice(math.floor(i * h / out), math.ceil((i + 1) * h / out))
            xs = slice(math.floor(j * w / out), math.ceil((j + 1) * w / out))
            res[:, i, j] = region[0, :, ys, xs].amax(dim=(-1, -2))
    return res


box = [36.0, 70.0, 196.0, 166.0]  # 原图坐标；除以 16 是 (2.25, 4.375, 12.25, 10.375)
align = roi_align_manual(feat[0], box, out=7, sr=2)
pool = roi_pool(feat, box, out=7)
print(tuple(align.shape), tuple(pool.shape))
# > (3, 7, 7) (3, 7, 7)

# 检查 1：手写的双线性插值 + 平均，与 F.grid_sample + F.avg_pool2d 一致
torch.testing.assert_close(align, roi_align_grid_sample(feat, box, out=7, sr=2))

# 检查 2：手写的 RoI Pooling（取整 + 按 floor/ceil 分格取最大）与 F.adaptive_max_pool2d 一致
x1, y1, x2, y2 = (round(c / stride) for c in box)
ref = F.adaptive_max_pool2d(feat[:, :, y1 : y2 + 1, x1 : x2 + 1], 7)[0]
torch.testing.assert_close(pool, ref)

# 检查 3：框向右平移 3 个像素（不到 1/5 个特征格）：RoI Pooling 取整后区域不变，输出完全相同；
# RoI Align 的输出随之改变，而且平移量越小变化越小（对坐标连续）
shifted = [box[0] + 3, box[1], box[2] + 3, box[3]]
assert torch.equal(roi_pool(feat, shifted, 7), pool)
d3 = (roi_align_manual(feat[0], shifted, 7, 2) - align).abs().max().item()
d1 = (roi_align_manual(feat[0], [box[0] + 1, box[1], box[2] + 1, box[3]], 7, 2) - align).abs().max()
assert d3 > 1e-2 and d1.item() < d3
# 连续：平移 0.001 像素，RoI Align 的输出变化也只有千分之一量级以下
tiny = [box[0] + 1e-3, box[1], box[2] + 1e-3, box[3]]
assert (roi_align_manual(feat[0], tiny, 7, 2) - align).abs().max() < 1e-3

# 检查 4：RoI Pooling 在取整的边界处跳变。平移 3.9 与 4.1 像素只差 0.2 像素，
# 但 x1/16 从 2.49 跨到 2.51、四舍五入从 2 变成 3：RoI Pooling 的输出跳了 O(1)，RoI Align 几乎不动
sh = [[box[0] + d, box[1], box[2] + d, box[3]] for d in (3.9, 4.1)]
jump_pool = (roi_pool(feat, sh[0], 7) - roi_pool(feat, sh[1], 7)).abs().max().item()
jump_align = (roi_align_manual(feat[0], sh[0], 7, 2) - roi_align_manual(feat[0], sh[1], 7, 2)).abs()
assert 2.5 < jump_pool < 3.5 and jump_align.max().item() < 0.05
print(f"平移 3 像素：RoI Pooling 输出不变，RoI Align 输出最大变化 {d3:.3f}")
# > 平移 3 像素：RoI Pooling 输出不变，RoI Align 输出最大变化 0.406
