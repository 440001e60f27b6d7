"""ROC 对类别比例不敏感，PR 敏感：把每个负例复制 10 份（模型完全没变），
ROC 曲线和 AUC 一点不变，精确率和 AP 却明显下降。"""

import torch

torch.manual_seed(0)


def auc(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    diff = scores[y_true == 1][:, None] - scores[y_true == 0][None, :]
    return ((diff > 0).double().mean() + 0.5 * (diff == 0).double().mean()).item()


def average_precision(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    """没有并列分数时：每个正例所在位置的 precision@k 取平均。"""
    hits = y_true[scores.argsort(descending=True)].double()
    precision_at_k = hits.cumsum(0) / torch.arange(1, len(hits) + 1)
    return ((precision_at_k * hits).sum() / hits.sum()).item()


def rates_at(y_true: torch.Tensor, scores: torch.Tensor, t: float) -> tuple[float, float, float]:
    pred = scores >= t
    TP = (pred & (y_true == 1)).sum().item()
    FP = (pred & (y_true == 0)).sum().item()
    return TP / (y_true == 1).sum().item(), FP / (y_true == 0).sum().item(), TP / (TP + FP)


s_pos = torch.randn(100, dtype=torch.float64) + 2.0  # 100 个正例
s_neg = torch.randn(100, dtype=torch.float64)  # 100 个负例
y_bal = torch.cat([torch.ones(100), torch.zeros(100)]).long()
s_bal = torch.cat([s_pos, s_neg])
y_imb = torch.cat([torch.ones(100), torch.zeros(1000)]).long()  # 负例复制 10 份：1 : 10
s_imb = torch.cat([s_pos, s_neg.repeat(10)])

for name, y, s in [("1:1 ", y_bal, s_bal), ("1:10", y_imb, s_imb)]:
    tpr, fpr, precision = rates_at(y, s, 1.0)
    print(f"{name} AUC={auc(y, s):.4f} AP={average_precision(y, s):.4f}", end=" ")
    print(f"阈值 1：TPR={tpr:.2f} FPR={fpr:.2f} P={precision:.4f}")
# > 1:1  AUC=0.9198 AP=0.9259 阈值 1：TPR=0.80 FPR=0.14 P=0.8511
# > 1:10 AUC=0.9198 AP=0.6959 阈值 1：TPR=0.80 FPR=0.14 P=0.3636

# 检查：ROC 的两个坐标各自只在一个类别内部归一化，负例复制后 TPR、FPR、AUC 完全不变
assert auc(y_bal, s_bal) == auc(y_imb, s_imb)
assert rates_at(y_bal, s_bal, 1.0)[:2] == rates_at(y_imb, s_imb, 1.0)[:2]
# 检查：精确率 = TP / (TP + FP)，FP 变成 10 倍，精确率下降；AP 随之下降
tpr, fpr, _ = rates_at(y_bal, s_bal, 1.0)
p_imb = rates_at(y_imb, s_imb, 1.0)[2]
assert abs(p_imb - 100 * tpr / (100 * tpr + 1000 * fpr)) < 1e-12
assert average_precision(y_imb, s_imb) < average_precision(y_bal, s_bal) - 0.2
