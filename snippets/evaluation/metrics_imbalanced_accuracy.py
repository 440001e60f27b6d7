"""类别不平衡时准确率不可靠：正例只占 1%，“永远判负”的分类器准确率 99%，召回率却是 0；
一个真能找出正例的分类器，准确率反而更低。"""

import math

import torch


def report(y_true: torch.Tensor, y_pred: torch.Tensor) -> dict[str, float]:
    TP = ((y_pred == 1) & (y_true == 1)).sum().item()
    FP = ((y_pred == 1) & (y_true == 0)).sum().item()
    FN = ((y_pred == 0) & (y_true == 1)).sum().item()
    TN = ((y_pred == 0) & (y_true == 0)).sum().item()
    return {
        "acc": (TP + TN) / len(y_true),
        "P": TP / (TP + FP) if TP + FP > 0 else math.nan,  # 没有预测为正的样本：0/0 无定义
        "R": TP / (TP + FN),
        "F1": 2 * TP / (2 * TP + FP + FN),
        "bal_acc": (TP / (TP + FN) + TN / (TN + FP)) / 2,  # 平衡准确率 = (TPR + TNR) / 2
    }


N, n_pos = 1000, 10
y_true = torch.zeros(N, dtype=torch.long)
y_true[:n_pos] = 1

# 分类器 A：永远判负
y_pred_a = torch.zeros(N, dtype=torch.long)
lazy = report(y_true, y_pred_a)
# 分类器 B：找出 10 个正例中的 8 个，代价是 20 个误报
y_pred_b = torch.zeros(N, dtype=torch.long)
y_pred_b[:8] = 1
y_pred_b[n_pos : n_pos + 20] = 1
useful = report(y_true, y_pred_b)
for name, r in [("A", lazy), ("B", useful)]:
    print(name, " ".join(f"{k}={v:.4f}" for k, v in r.items()))
# > A acc=0.9900 P=nan R=0.0000 F1=0.0000 bal_acc=0.5000
# > B acc=0.9780 P=0.2857 R=0.8000 F1=0.4211 bal_acc=0.8899

# 检查：永远判负的准确率恰好等于负例比例 99%，召回率为 0，精确率无定义
assert lazy["acc"] == 0.99 and lazy["R"] == 0.0 and math.isnan(lazy["P"]) and lazy["F1"] == 0.0
# 检查：准确率把没用的 A 排在有用的 B 前面，召回率、F1、平衡准确率都反过来
assert lazy["acc"] > useful["acc"]
assert all(lazy[k] < useful[k] for k in ("R", "F1", "bal_acc"))
# 检查：准确率 = 各类召回率按类别占比的加权平均，所以会被多数类主导
r_neg = (N - n_pos - 20) / (N - n_pos)
assert abs(useful["acc"] - (n_pos / N * useful["R"] + (N - n_pos) / N * r_neg)) < 1e-12
# 检查：平衡准确率换两种算法也是同一个数：① 混淆矩阵每行的对角元 / 行和 = 各类召回率，再取宏平均；
# ② 每个样本按 1 / (它所在类别的样本数) 加权后的准确率（两类的总权重各占一半）
for r, y_pred in ((lazy, y_pred_a), (useful, y_pred_b)):
    C = torch.bincount(y_true * 2 + y_pred, minlength=4).reshape(2, 2).double()
    macro_recall = (C.diag() / C.sum(dim=1)).mean().item()
    w = 1 / torch.bincount(y_true).double()[y_true]
    weighted_acc = ((w * (y_pred == y_true)).sum() / w.sum()).item()
    assert abs(r["bal_acc"] - macro_recall) < 1e-12 and abs(r["bal_acc"] - weighted_acc) < 1e-12
