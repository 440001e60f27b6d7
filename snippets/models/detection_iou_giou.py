"""框的两种写法（xyxy 与 cxcywh）互相转换；向量化的 IoU、GIoU 与“数像素格子”的暴力法一致；
两个框不重叠时 IoU 恒为 0、梯度也为 0，GIoU 还能区分远近并给出梯度。"""

import torch

torch.manual_seed(0)


def xyxy_to_cxcywh(b: torch.Tensor) -> torch.Tensor:
    x1, y1, x2, y2 = b.unbind(-1)
    return torch.stack([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], dim=-1)


def cxcywh_to_xyxy(b: torch.Tensor) -> torch.Tensor:
    cx, cy, w, h = b.unbind(-1)
    return torch.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], dim=-1)


def box_area(b: torch.Tensor) -> torch.Tensor:
    return (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])


def box_iou(a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """a: (N, 4)，b: (M, 4)，xyxy 格式 → IoU 与并集面积，形状都是 (N, M)。"""
    lt = torch.max(a[:, None, :2], b[None, :, :2])  # 交集左上角
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])  # 交集右下角
    inter = (rb - lt).clamp(min=0).prod(dim=-1)  # 不相交时宽或高为 0
    union = box_area(a)[:, None] + box_area(b)[None, :] - inter
    return inter / union, union


def box_giou(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    iou, union = box_iou(a, b)
    lt = torch.min(a[:, None, :2], b[None, :, :2])  # 最小外接框 C
    rb = torch.max(a[:, None, 2:], b[None, :, 2:])
    area_c = (rb - lt).prod(dim=-1)
    return iou - (area_c - union) / area_c


a = torch.tensor([[0.0, 0.0, 4.0, 4.0]])
b = torch.tensor([[2.0, 2.0, 6.0, 6.0], [5.0, 0.0, 7.0, 4.0], [10.0, 0.0, 12.0, 4.0]])
iou, _ = box_iou(a, b)
giou = box_giou(a, b)
print("IoU ", [round(v, 4) + 0.0 for v in iou[0].tolist()])
print("GIoU", [round(v, 4) for v in giou[0].tolist()])
# > IoU  [0.1429, 0.0, 0.0]
# > GIoU [-0.0794, -0.1429, -0.5]

# 检查 1：xyxy ↔ cxcywh 互逆；COCO 标注的 xywh（左上角 + 宽高）与 cxcywh 只差半个宽高
boxes = torch.rand(100, 4) * 50
boxes = torch.cat([boxes[:, :2], boxes[:, :2] + 1 + boxes[:, 2:]], dim=1)
torch.testing.assert_close(cxcywh_to_xyxy(xyxy_to_cxcywh(boxes)), boxes)
xywh = torch.cat([boxes[:, :2], boxes[:, 2:] - boxes[:, :2]], dim=1)
torch.testing.assert_close(xyxy_to_cxcywh(boxes)[:, :2], xywh[:, :2] + xywh[:, 2:] / 2)

# 检查 2：整数坐标的框 → 在 24×24 的像素格子上画出掩码，直接数交集、并集和外接框的格子数
S = 24
xy = torch.randint(0, S, (60, 2, 2)).sort(dim=1).values  # 每个框的 (x1, x2)、(y1, y2) 各自排序
keep = ((xy[:, 1] - xy[:, 0]) > 0).all(dim=1)
xy = xy[keep]
int_boxes = torch.stack([xy[:, 0, 0], xy[:, 0, 1], xy[:, 1, 0], xy[:, 1, 1]], dim=1)
grid = torch.arange(S)
masks = torch.stack(
    [
        ((grid >= y1) & (grid < y2))[:, None] & ((grid >= x1) & (grid < x2))[None, :]
        for x1, y1, x2, y2 in int_boxes.tolist()
    ]
)  # (N, S, S)，第 i 个框覆盖的格子
inter_px = (masks[:, None] & masks[None, :]).sum(dim=(-1, -2)).double()
union_px = (masks[:, None] | masks[None, :]).sum(dim=(-1, -2)).double()
iou_ref = inter_px / union_px
iou_vec, _ = box_iou(int_boxes.double(), int_boxes.double())
torch.testing.assert_close(iou_vec, iou_ref)

# GIoU 按定义：C 是能框住 A∪B 的最小矩形，从并集掩码里实际有像素的行、列得到
giou_ref = torch.empty_like(iou_ref)
for i in range(len(masks)):
    for j in range(len(masks)):
        u = masks[i] | masks[j]
        rows, cols = u.any(dim=1).nonzero(), u.any(dim=0).nonzero()
        c = (rows.max() - rows.min() + 1) * (cols.max() - cols.min() + 1)
        giou_ref[i, j] = iou_ref[i, j] - (c - u.sum()) / c
giou_vec = box_giou(int_boxes.double(), int_boxes.double())
torch.testing.assert_close(giou_vec, giou_ref)
print(f"{len(masks)} 个随机整数框、{len(masks) ** 2} 对：IoU、GIoU 都与数格子一致")
# > 58 个随机整数框、3364 对：IoU、GIoU 都与数格子一致

# 检查 3：IoU ∈ [0, 1]、对称；GIoU ≤ IoU，且在 (-1, 1] 内；不重叠的框 IoU 是 0，GIoU ≤ 0
assert (iou_vec >= 0).all() and (iou_vec <= 1).all() and torch.equal(iou_vec, iou_vec.T)
assert (giou_vec <= iou_vec).all() and (giou_vec > -1).all()
assert (giou_vec[iou_vec == 0] <= 0).all() and (iou_vec == 0).sum() > 100
# 一个框包含另一个时，外接框就是大框，GIoU 等于 IoU
inside = (int_boxes[:, None, :2] <= int_boxes[None, :, :2]).all(-1) & (
    int_boxes[:, None, 2:] >= int_boxes[None, :, 2:]
).all(-1)
assert inside.sum() > len(int_boxes)  # 除了自己包含自己，还有真正的包含关系
torch.testing.assert_close(giou_vec[inside], iou_vec[inside])

# 检查 4：预测框与真实框不重叠时，1 − IoU 对预测框坐标的梯度恰好为 0，1 − GIoU 的梯度不为 0
pred = torch.tensor([[5.0, 0.0, 7.0, 4.0]], requires_grad=True)
(g_iou,) = torch.autograd.grad(1 - box_iou(pred, a)[0].sum(), pred)
(g_giou,) = torch.autograd.grad(1 - box_giou(pred, a).sum(), pred)
assert torch.equal(g_iou, torch.zeros_like(g_iou)) and g_giou.abs().sum() > 0
assert g_giou[0, 0] > 0  # 沿梯度下降，预测框的左边界向真实框移动
assert g_giou[0, 2] < 0  # 右边界却向右外移：GIoU 损失让框一边变大一边靠近
