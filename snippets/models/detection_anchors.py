"""Faster R-CNN 的锚框：每个位置 3 种尺度 × 3 种长宽比 = 9 个；宽高由面积和长宽比解出；
1000×600 的图、步长 16 时约有 2 万个锚框。
框回归的编码 (tx, ty, tw, th) 与解码互逆，且不随平移、缩放改变。"""

import math

import torch

torch.manual_seed(0)

scales = torch.tensor([128.0, 256.0, 512.0])  # 锚框边长：面积为 128²、256²、512²
ratios = torch.tensor([0.5, 1.0, 2.0])  # 长宽比 r = h / w


def base_anchors(scales: torch.Tensor, ratios: torch.Tensor) -> torch.Tensor:
    """以 (0, 0) 为中心的 len(scales)·len(ratios) 个锚框，xyxy 格式。
    面积 s²、h/w = r ⇒ w = s/√r，h = s·√r。"""
    w = (scales[:, None] / ratios.sqrt()[None, :]).flatten()
    h = (scales[:, None] * ratios.sqrt()[None, :]).flatten()
    return torch.stack([-w / 2, -h / 2, w / 2, h / 2], dim=1)


base = base_anchors(scales, ratios).double()
wh = base[:, 2:] - base[:, :2]
for s in range(3):
    print(" ".join(f"{w:.1f}×{h:.1f}" for w, h in wh[3 * s : 3 * s + 3].tolist()))
# > 181.0×90.5 128.0×128.0 90.5×181.0
# > 362.0×181.0 256.0×256.0 181.0×362.0
# > 724.1×362.0 512.0×512.0 362.0×724.1


def grid_anchors(feat_h: int, feat_w: int, stride: int, base: torch.Tensor) -> torch.Tensor:
    """把 k 个基础锚框平移到特征图每个位置对应的原图坐标上 → (feat_h·feat_w·k, 4)。"""
    ys, xs = torch.meshgrid(torch.arange(feat_h), torch.arange(feat_w), indexing="ij")
    centers = torch.stack([xs, ys, xs, ys], dim=-1).reshape(-1, 1, 4) * stride + stride / 2
    return (centers + base[None]).reshape(-1, 4)


img_w, img_h, stride = 1000, 600, 16
feat_w, feat_h = math.ceil(img_w / stride), math.ceil(img_h / stride)
anchors = grid_anchors(feat_h, feat_w, stride, base)
print(f"特征图 {feat_w}×{feat_h}，每个位置 {len(base)} 个，共 {len(anchors)} 个锚框")
# > 特征图 63×38，每个位置 9 个，共 21546 个锚框

# 检查 1：每个锚框的面积等于 s²，h/w 等于 r（与生成它的尺度、长宽比逐一核对）
s_of = scales.double().repeat_interleave(3)
r_of = ratios.double().repeat(3)
torch.testing.assert_close(wh[:, 0] * wh[:, 1], s_of**2)
torch.testing.assert_close(wh[:, 1] / wh[:, 0], r_of)

# 检查 2：向量化生成与两重循环逐个位置平移的结果相同；总数约 2 万（论文：约 60×40×9）
loop = [
    [x * stride + stride / 2 + b[0], y * stride + stride / 2 + b[1], x * stride + stride / 2 + b[2],
     y * stride + stride / 2 + b[3]]
    for y in range(feat_h) for x in range(feat_w) for b in base.tolist()
]  # fmt: skip
torch.testing.assert_close(anchors, torch.tensor(loop, dtype=torch.float64))
assert 18_000 < len(anchors) < 24_000


def encode(gt: torch.Tensor, anc: torch.Tensor) -> torch.Tensor:
    """R-CNN 系列的框回归目标：中心偏移按锚框宽高归一化，宽高取对数比。输入 cxcywh。"""
    return torch.cat(
        [(gt[:, :2] - anc[:, :2]) / anc[:, 2:], torch.log(gt[:, 2:] / anc[:, 2:])], dim=1
    )


def decode(t: torch.Tensor, anc: torch.Tensor) -> torch.Tensor:
    return torch.cat([anc[:, :2] + t[:, :2] * anc[:, 2:], anc[:, 2:] * torch.exp(t[:, 2:])], dim=1)


anc = torch.cat([torch.rand(50, 2) * 500, torch.rand(50, 2) * 200 + 20], dim=1).double()
gt = torch.cat([torch.rand(50, 2) * 500, torch.rand(50, 2) * 200 + 20], dim=1).double()
t = encode(gt, anc)

# 检查 3：解码是编码的逆；整体平移、整体放大 3 倍后回归目标不变（与物体的位置和大小无关）
torch.testing.assert_close(decode(t, anc), gt)
shift = torch.tensor([37.0, -12.0, 0.0, 0.0], dtype=torch.float64)
torch.testing.assert_close(encode(gt + shift, anc + shift), t)
torch.testing.assert_close(encode(3 * gt, 3 * anc), t)
