"""贪心 NMS：按分数从高到低，保留当前最高分的框，删掉与它 IoU 超过阈值的框。
与“按定义逐个判断”的暴力参照在多个种子、多个阈值下完全一致；
按类别做 NMS 的坐标偏移技巧与逐类循环一致。"""

import torch

torch.manual_seed(0)


def box_iou(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    lt = torch.max(a[:, None, :2], b[None, :, :2])
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(dim=-1)
    area = lambda x: (x[:, 2] - x[:, 0]) * (x[:, 3] - x[:, 1])  # noqa: E731
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def nms(boxes: torch.Tensor, scores: torch.Tensor, thr: float) -> torch.Tensor:
    """返回保留下来的框的下标，按分数从高到低。"""
    iou = box_iou(boxes, boxes)
    suppressed = torch.zeros(len(boxes), dtype=torch.bool)
    keep = []
    for i in scores.argsort(descending=True).tolist():
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > thr  # 与刚保留的框重叠太多的，全部删掉
    return torch.tensor(keep, dtype=torch.long)


def iou_scalar(p: list[float], q: list[float]) -> float:
    w = max(0.0, min(p[2], q[2]) - max(p[0], q[0]))
    h = max(0.0, min(p[3], q[3]) - max(p[1], q[1]))
    inter = w * h
    return inter / ((p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter)


def nms_by_definition(boxes: list[list[float]], scores: list[float], thr: float) -> set[int]:
    """定义：框 i 被保留，当且仅当没有一个“分数更高且被保留”的框与它的 IoU 超过阈值。
    按分数从高到低依次判断，每个框只看比它分数高的框（拉取式），与上面“删掉别人”（推送式）写法不同。"""
    kept: set[int] = set()
    for i in sorted(range(len(boxes)), key=lambda k: -scores[k]):
        higher = [j for j in kept if scores[j] > scores[i]]
        if all(iou_scalar(boxes[i], boxes[j]) <= thr for j in higher):
            kept.add(i)
    return kept


def random_scene(
    n_obj: int, per_obj: int, gen: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """每个物体周围撒 per_obj 个抖动的候选框（模拟检测器的重复输出），分数随机。"""
    centers = torch.rand(n_obj, 2, generator=gen) * 80 + 10
    sizes = torch.rand(n_obj, 2, generator=gen) * 20 + 10
    c = centers.repeat_interleave(per_obj, 0) + torch.randn(n_obj * per_obj, 2, generator=gen) * 1.5
    s = (
        sizes.repeat_interleave(per_obj, 0)
        * (1 + 0.1 * torch.randn(n_obj * per_obj, 2, generator=gen)).abs()
    )
    boxes = torch.cat([c - s / 2, c + s / 2], dim=1).double()
    return boxes, torch.rand(len(boxes), generator=gen, dtype=torch.float64)


boxes, scores = random_scene(4, 10, torch.Generator().manual_seed(0))
for thr in (0.3, 0.5, 0.7):
    keep = nms(boxes, scores, thr)
    print(f"阈值 {thr}：{len(boxes)} 个框保留 {len(keep)} 个")
# > 阈值 0.3：40 个框保留 4 个
# > 阈值 0.5：40 个框保留 7 个
# > 阈值 0.7：40 个框保留 19 个

# 检查 1：10 个种子 × 3 个阈值，贪心 NMS 与按定义的暴力参照保留完全相同的框
for seed in range(10):
    boxes, scores = random_scene(5, 12, torch.Generator().manual_seed(seed))
    for thr in (0.3, 0.5, 0.7):
        keep = nms(boxes, scores, thr)
        assert set(keep.tolist()) == nms_by_definition(boxes.tolist(), scores.tolist(), thr)
        # 保留下来的框两两 IoU 都不超过阈值；每个被删的框都被某个分数更高的保留框“盖住”
        iou_kept = box_iou(boxes[keep], boxes[keep]).fill_diagonal_(0)
        assert (iou_kept <= thr).all()
        removed = sorted(set(range(len(boxes))) - set(keep.tolist()))
        for r in removed:
            assert any(
                scores[k] > scores[r] and box_iou(boxes[k : k + 1], boxes[r : r + 1]) > thr
                for k in keep
            )

# 检查 2：按类别做 NMS（不同类别的框互不抑制）：
# 给每个类别的框加一个足够大的坐标偏移，一次 NMS 就够了
boxes, scores = random_scene(5, 12, torch.Generator().manual_seed(1))
labels = torch.randint(0, 3, (len(boxes),))
offset = labels[:, None].double() * (boxes.max() + 1)  # 不同类别的框被挪开，永不重叠
keep_batched = set(nms(boxes + offset, scores, 0.5).tolist())
keep_loop: set[int] = set()
for c in range(3):
    idx = (labels == c).nonzero().flatten()
    keep_loop |= set(idx[nms(boxes[idx], scores[idx], 0.5)].tolist())
keep_agnostic = set(nms(boxes, scores, 0.5).tolist())
assert keep_batched == keep_loop and len(keep_agnostic) < len(keep_loop)
print(f"按类别 NMS 保留 {len(keep_loop)} 个，不分类别一起做只保留 {len(keep_agnostic)} 个")
# > 按类别 NMS 保留 13 个，不分类别一起做只保留 5 个
