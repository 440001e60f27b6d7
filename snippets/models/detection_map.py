"""目标检测的 mAP：预测按分数排序、逐个与真实框匹配（IoU ≥ 阈值且该真实框还没被占用才算 TP），
AP 用两种独立的算法求出并核对：VOC 的“精确率包络 + 召回率增量求和”，与按定义逐个召回率水平取
“召回率不低于它的最大精确率”再平均（分数精确计算）；AP@[.5:.95] 是 10 个 IoU 阈值上的平均。"""

from fractions import Fraction

import numpy as np

rng = np.random.default_rng(0)


def iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(rb - lt, 0, None).prod(axis=-1)
    area = lambda x: (x[:, 2] - x[:, 0]) * (x[:, 3] - x[:, 1])  # noqa: E731
    return inter / (area(a)[:, None] + area(b)[None, :] - inter)


def match(dets: list, gts: list, thr: float) -> tuple[list[int], int]:
    """dets：(图片号, 分数, 框)；gts：每张图的真实框数组。
    返回按分数从高到低的 TP 标记和真实框总数。"""
    used = [np.zeros(len(g), dtype=bool) for g in gts]
    tp = []
    for img, _, box in sorted(dets, key=lambda d: -d[1]):
        ious = iou(box[None], gts[img])[0] if len(gts[img]) else np.zeros(0)
        ious[used[img]] = -1  # 已经被更高分的预测占用的真实框不能再匹配
        j = int(np.argmax(ious)) if len(ious) else -1
        hit = j >= 0 and ious[j] >= thr
        if hit:
            used[img][j] = True
        tp.append(int(hit))
    return tp, sum(len(g) for g in gts)


def ap_envelope(tp: list[int], npos: int) -> float:
    """VOC 2010 起的全点插值：精确率从右往左取累计最大（包络），再按召回率的增量求和。"""
    ctp = np.cumsum(tp)
    rec = ctp / npos
    prec = ctp / np.arange(1, len(tp) + 1)
    mrec = np.concatenate([[0.0], rec, [1.0]])
    mpre = np.concatenate([[0.0], prec, [0.0]])
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]
    i = np.nonzero(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))


def ap_by_definition(tp: list[int], npos: int) -> Fraction:
    """AP = ∫ p_interp(r) dr，p_interp(r) = max{精确率 : 召回率 ≥ r}。
    召回率只取 m/npos，所以 p_interp 在每段 ((m−1)/npos, m/npos] 上是常数：
    逐个 m 暴力找“找回 ≥ m 个时的最高精确率”。"""
    points = []  # (前 k 个里找回的个数, 前 k 个的精确率)
    hits = 0
    for k, t in enumerate(tp, start=1):
        hits += t
        points.append((hits, Fraction(hits, k)))
    total = Fraction(0)
    for m in range(1, npos + 1):
        total += max((p for h, p in points if h >= m), default=Fraction(0))
    return total / npos


def ap_step_sum(tp: list[int], npos: int) -> float:
    """不插值的阶梯求和 Σ (R_n − R_{n−1}) P_n（评估指标一页的 AP）。"""
    ctp = np.cumsum(tp)
    prec = ctp / np.arange(1, len(tp) + 1)
    return float(np.sum(np.diff(np.concatenate([[0], ctp])) / npos * prec))


def make_dataset(rng: np.random.Generator, n_img: int = 30) -> tuple[list, list]:
    """真实框 + 有偏差的检测（偏差大小各不相同）+ 重复检测 + 凭空的误检，分数随机。"""
    gts, dets = [], []
    for img in range(n_img):
        n = rng.integers(1, 4)
        xy = rng.uniform(0, 200, (n, 2))
        g = np.concatenate([xy, xy + rng.uniform(20, 60, (n, 2))], axis=1)
        gts.append(g)
        for box in g:
            size = box[2:] - box[:2]
            for _ in range(rng.choice([0, 1, 1, 1, 2])):  # 漏检、一次检测或重复检测
                jitter = rng.normal(0, rng.uniform(0.01, 0.1), 4) * np.concatenate([size, size])
                dets.append((img, rng.uniform(0.2, 1.0), box + jitter))
        for _ in range(rng.integers(0, 3)):
            xy = rng.uniform(0, 200, 2)
            dets.append(
                (img, rng.uniform(0.0, 0.8), np.concatenate([xy, xy + rng.uniform(20, 60, 2)]))
            )
    return dets, gts


thresholds = [0.5 + 0.05 * i for i in range(10)]
classes = {name: make_dataset(rng) for name in ("猫", "狗")}
table = {}
for name, (dets, gts) in classes.items():
    table[name] = [ap_envelope(*match(dets, gts, t)) for t in thresholds]
    aps = table[name]
    print(f"{name}：AP50 {aps[0]:.3f}，AP75 {aps[5]:.3f}，AP@[.5:.95] {np.mean(aps):.3f}")
m = {k: float(np.mean([table[c][k] for c in classes])) for k in (0, 5)}
coco = float(np.mean([np.mean(table[c]) for c in classes]))
print(f"mAP50 {m[0]:.3f}，mAP75 {m[5]:.3f}，COCO 式 mAP {coco:.3f}")
# > 猫：AP50 0.683，AP75 0.464，AP@[.5:.95] 0.454
# > 狗：AP50 0.669，AP75 0.496，AP@[.5:.95] 0.419
# > mAP50 0.676，mAP75 0.480，COCO 式 mAP 0.436

# 检查 1：5 个随机数据集 × 10 个 IoU 阈值，两种 AP 算法结果相同；不插值的阶梯求和从不超过插值 AP
for seed in range(5):
    dets, gts = make_dataset(np.random.default_rng(seed))
    for t in thresholds:
        tp, npos = match(dets, gts, t)
        a = ap_envelope(tp, npos)
        assert abs(a - float(ap_by_definition(tp, npos))) < 1e-12
        assert ap_step_sum(tp, npos) <= a + 1e-12
        # 在最后面追加 5 个误检（分数低于所有预测）：精确率下降，AP 不变——
        # 不插值的阶梯求和也不变，所以这与插值无关，只因为召回率不再增加
        assert abs(ap_envelope(tp + [0] * 5, npos) - a) < 1e-12
        assert abs(ap_step_sum(tp + [0] * 5, npos) - ap_step_sum(tp, npos)) < 1e-12

# 检查 2：手算的小例子。1 张图 2 个真实框，两个正确检测分数 0.9、0.8，
# 另有一个与第一个框重合的重复检测：
# 重复检测分数 0.7（排在所有 TP 之后）→ AP = 1；分数 0.85（插在两个 TP 之间）→ AP = ½·1 + ½·⅔ = 5/6
g = [np.array([[0.0, 0.0, 10.0, 10.0], [20.0, 0.0, 30.0, 10.0]])]
for dup_score, expected in ((0.7, Fraction(1)), (0.85, Fraction(5, 6))):
    dets = [(0, 0.9, g[0][0]), (0, 0.8, g[0][1]), (0, dup_score, g[0][0] + 0.5)]
    tp, npos = match(dets, g, 0.5)
    assert ap_by_definition(tp, npos) == expected
    assert abs(ap_envelope(tp, npos) - float(expected)) < 1e-12

# 检查 3：插值只在精确率回升时起作用。TP、FP、TP、TP（3 个真实框）：
# 阶梯求和 ⅓(1 + ⅔ + ¾) = 29/36，插值 AP ⅓(1 + ¾ + ¾) = 5/6
tp_dip = [1, 0, 1, 1]
assert abs(ap_step_sum(tp_dip, 3) - 29 / 36) < 1e-12
assert ap_by_definition(tp_dip, 3) == Fraction(5, 6)
