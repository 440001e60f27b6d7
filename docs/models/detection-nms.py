# %% [markdown]
# # 图解：NMS 前后的检测框
#
# 《[目标检测基础](../detection/)》一页说：检测器会在同一个物体周围给出很多高度重叠的框，非极大值抑制（NMS）按分数从高到低，保留当前最高分的框、删掉与它 IoU 超过阈值 $\tau$ 的框。这里在 4 个物体周围各撒 10 个抖动的候选框（模拟检测器的重复输出，分数随机），画出 NMS 前后的样子，再看阈值 $\tau$ 怎样改变留下来的框的个数。
#
# IoU、贪心 NMS 的写法与正文的代码相同；每张图下面的 `assert` 就是图要说明的事实，NMS 的结果还会与“按定义逐个判断”的暴力参照核对。

# %%
import itertools

import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Rectangle


def box_iou(a, b):
    lt = torch.max(a[:, None, :2], b[None, :, :2])
    rb = torch.min(a[:, None, 2:], b[None, :, 2:])
    inter = (rb - lt).clamp(min=0).prod(dim=-1)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def nms(boxes, scores, thr):
    """贪心 NMS，返回保留的下标（按分数从高到低）。"""
    iou = box_iou(boxes, boxes)
    suppressed = torch.zeros(len(boxes), dtype=torch.bool)
    keep = []
    for i in scores.argsort(descending=True).tolist():
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= iou[i] > thr
    return keep


gen = torch.Generator().manual_seed(0)
n_obj, per_obj = 4, 10
centers = torch.rand(n_obj, 2, generator=gen) * 80 + 10
sizes = torch.rand(n_obj, 2, generator=gen) * 20 + 10
gt = torch.cat([centers - sizes / 2, centers + sizes / 2], dim=1).double()  # 真实框
c = centers.repeat_interleave(per_obj, 0) + torch.randn(n_obj * per_obj, 2, generator=gen) * 1.5
s = (
    sizes.repeat_interleave(per_obj, 0)
    * (1 + 0.1 * torch.randn(n_obj * per_obj, 2, generator=gen)).abs()
)
boxes = torch.cat([c - s / 2, c + s / 2], dim=1).double()  # 候选框
scores = torch.rand(len(boxes), generator=gen, dtype=torch.float64)
owner = torch.arange(n_obj).repeat_interleave(per_obj)  # 每个候选框是围绕哪个物体撒的

tau = 0.3
keep = nms(boxes, scores, tau)


def draw(ax, idx, title):
    for k in range(n_obj):
        x1, y1, x2, y2 = gt[k].tolist()
        ax.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, ls="--", lw=2, color="C7"))
    for i in idx:
        x1, y1, x2, y2 = boxes[i].tolist()
        color = f"C{owner[i].item()}"
        ax.add_patch(
            Rectangle(
                (x1, y1), x2 - x1, y2 - y1, fill=False, lw=0.6 + 1.6 * scores[i].item(), color=color
            )
        )
        if len(idx) < len(boxes):
            ax.text(x1, y1 - 1, f"{scores[i].item():.2f}", color=color, fontsize=9)
    ax.set(xlim=(0, 105), ylim=(105, 0), aspect="equal", title=title)


fig, axes = plt.subplots(2, 1, figsize=(6.4, 11))
draw(axes[0], range(len(boxes)), f"NMS 之前：{len(boxes)} 个候选框（线越粗分数越高）")
draw(axes[1], keep, f"NMS 之后（τ = {tau}）：保留 {len(keep)} 个，数字是分数")
axes[1].set_xlabel("虚线是真实框；同一颜色的框围绕同一个物体")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - NMS 之前有 40 个框，每个物体周围 10 个；$\tau = 0.3$ 时 NMS 之后恰好剩 4 个，**每个物体一个**。
# - 留下来的正是每个物体周围**分数最高**的那个框（不一定是最贴合真实框的那个：NMS 只看分数，不看框准不准）。
# - 留下来的框两两 IoU 都不超过 $\tau$；每个被删掉的框都与某个分数更高、被保留的框 IoU 超过 $\tau$。
# - 贪心 NMS 的结果与“一个框被保留，当且仅当没有分数更高、且被保留的框与它的 IoU 超过 $\tau$”这条定义逐个判断的结果相同。

# %%
assert len(boxes) == 40 and len(keep) == 4
assert sorted(owner[keep].tolist()) == [0, 1, 2, 3]
for k in range(n_obj):
    mine = (owner == k).nonzero().flatten()
    assert mine[scores[mine].argmax()].item() in keep
iou_all = box_iou(boxes, boxes)
iou_kept = iou_all[keep][:, keep].fill_diagonal_(0)
assert (iou_kept <= tau).all()
for r in set(range(len(boxes))) - set(keep):
    assert any(scores[k] > scores[r] and iou_all[k, r] > tau for k in keep)

# 暴力参照：按分数从高到低，每个框只看分数比它高、已经保留的框
kept_ref = []
for i in sorted(range(len(boxes)), key=lambda j: -scores[j].item()):
    if all(iou_all[i, j] <= tau for j in kept_ref):
        kept_ref.append(i)
assert kept_ref == keep

# 最高分的框不一定最贴合真实框：至少有一个物体，周围有比保留框 IoU 更高的候选框
iou_gt = box_iou(boxes, gt)[torch.arange(len(boxes)), owner]
best_fit_kept = [
    iou_gt[owner == k].max().item() == iou_gt[keep][owner[keep] == k].item() for k in range(n_obj)
]
assert not all(best_fit_kept)
print("保留框与真实框的 IoU：", [round(v, 2) for v in iou_gt[keep].tolist()])
print(
    "每个物体周围最贴合的候选框的 IoU：",
    [round(iou_gt[owner == k].max().item(), 2) for k in owner[keep].tolist()],
)

# %% [markdown]
# ## 阈值 τ 怎样改变留下来的框
#
# 同一组 40 个候选框，把 $\tau$ 从 0.05 扫到 0.95。$\tau$ 越小删得越狠；$\tau$ 越大，同一个物体周围的重复框留下来的越多，它们在评估时都会算作误检。

# %%
taus = [0.05 * i for i in range(1, 20)]
counts = [len(nms(boxes, scores, t)) for t in taus]

fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.step(taus, counts, where="mid", label="NMS 后保留的框数")
ax.axhline(n_obj, color="C3", ls="--", label=f"物体个数 {n_obj}")
ax.axhline(len(boxes), color="C2", ls=":", label=f"候选框总数 {len(boxes)}")
ax.set(xlabel="IoU 阈值 τ", ylabel="保留的框数", title="阈值越大，保留的重复框越多", ylim=(0, 42))
ax.legend(loc="upper left")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 在这组框上，保留的个数随 $\tau$ 单调不减：$0.2 \le \tau \le 0.3$ 时每个物体一个框（共 4 个），$\tau = 0.5$ 时 7 个，$\tau = 0.7$ 时 19 个，$\tau = 0.95$ 时 40 个全部留下（这组框里没有两个框的 IoU 超过 0.95）。
# - $\tau \le 0.15$ 时只剩 3 个：有两个物体挨得近，其中一个物体周围的所有框都与另一个物体的保留框有超过 $\tau$ 的重叠，被整个删掉，这就是漏检。阈值太小会误删相邻或互相遮挡的真实物体。
# - 这条曲线只描述这一组框。一般情况下“阈值调大、保留的框更多”并不成立：框 A（分数 0.9）与 B（0.8）的 IoU 是 0.36，B 的左右两半各是一个框 C（0.7）、D（0.6），与 B 的 IoU 都是 0.5、与 A 都只有 0.25。$\tau = 0.3$ 时 A 删掉 B，C、D 都留下（共 3 个）；$\tau = 0.45$ 时 B 留下，反而把 C、D 删掉（共 2 个）。所以单调性只对这组框断言。

# %%
by_tau = dict(zip([round(t, 2) for t in taus], counts, strict=True))
assert all(b >= a for a, b in itertools.pairwise(counts))
assert [by_tau[t] for t in (0.2, 0.25, 0.3, 0.5, 0.7, 0.95)] == [4, 4, 4, 7, 19, 40]
assert not (iou_all.fill_diagonal_(0) > 0.95).any()

# τ ≤ 0.15：只剩 3 个物体各一个框；丢掉的那个物体，它周围的每个框都被另一个物体的保留框盖住
for t in (0.05, 0.1, 0.15):
    kept_t = nms(boxes, scores, t)
    assert len(kept_t) == 3 and len(set(owner[kept_t].tolist())) == 3
    (lost,) = set(range(n_obj)) - set(owner[kept_t].tolist())
    for i in (owner == lost).nonzero().flatten().tolist():
        assert any(scores[k] > scores[i] and iou_all[k, i] > t and owner[k] != lost for k in kept_t)
print({t: by_tau[t] for t in (0.1, 0.3, 0.5, 0.7, 0.95)})

# 反例：一般情况下保留的框数不随 τ 单调
abcd = torch.tensor(
    [[5, 2, 15, 12], [0, 0, 20, 10], [0, 0, 10, 10], [10, 0, 20, 10]], dtype=torch.float64
)
iou_abcd = box_iou(abcd, abcd)
assert abs(iou_abcd[0, 1] - 80 / 220) < 1e-12 and iou_abcd[0, 2] == iou_abcd[0, 3] == 0.25
assert iou_abcd[1, 2] == iou_abcd[1, 3] == 0.5 and iou_abcd[2, 3] == 0
s_abcd = torch.tensor([0.9, 0.8, 0.7, 0.6], dtype=torch.float64)
assert nms(abcd, s_abcd, 0.3) == [0, 2, 3] and nms(abcd, s_abcd, 0.45) == [0, 1]
