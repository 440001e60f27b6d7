"""混淆矩阵：二分类的 TP、FP、FN、TN，多分类的 K×K 矩阵（行 = 真实类别，列 = 预测类别），
用 torch.bincount(y_true·K + y_pred) 一次数完。"""

import torch
import torch.nn.functional as F

# 贯穿本页的小例子：8 个样本，4 个正例；模型打分后按阈值 0.5 判为正例
y_true = torch.tensor([1, 1, 1, 1, 0, 0, 0, 0])
scores = torch.tensor([0.9, 0.8, 0.6, 0.3, 0.7, 0.6, 0.4, 0.2])
y_pred = (scores >= 0.5).long()
print(y_pred.tolist())
# > [1, 1, 1, 0, 1, 1, 0, 0]

# 二分类：直接用布尔掩码数四种情况
TP = ((y_pred == 1) & (y_true == 1)).sum().item()  # 预测正、真实正
FP = ((y_pred == 1) & (y_true == 0)).sum().item()  # 预测正、真实负（误报）
FN = ((y_pred == 0) & (y_true == 1)).sum().item()  # 预测负、真实正（漏报）
TN = ((y_pred == 0) & (y_true == 0)).sum().item()  # 预测负、真实负
print(TP, FP, FN, TN)
# > 3 2 1 2


def confusion_matrix(y_true: torch.Tensor, y_pred: torch.Tensor, K: int) -> torch.Tensor:
    """C[i, j] = 真实类别为 i、预测为 j 的样本数。每一对 (i, j) 编码成一个整数 i·K + j。"""
    return torch.bincount(y_true * K + y_pred, minlength=K * K).reshape(K, K)


C2 = confusion_matrix(y_true, y_pred, 2)
print(C2.tolist())
# > [[2, 2], [1, 3]]

# 多分类：3 个类别、10 个样本
y_true3 = torch.tensor([0, 0, 0, 1, 1, 1, 2, 2, 2, 2])
y_pred3 = torch.tensor([0, 0, 1, 1, 1, 2, 2, 2, 0, 2])
C3 = confusion_matrix(y_true3, y_pred3, 3)
print(C3.tolist())
# > [[2, 1, 0], [0, 2, 1], [1, 0, 3]]

# 检查：二分类混淆矩阵的排列是 [[TN, FP], [FN, TP]]（行 = 真实，列 = 预测）
assert C2.tolist() == [[TN, FP], [FN, TP]]
assert len(y_true) == TP + FP + FN + TN
# 检查：与另一种数法一致：独热矩阵相乘，onehot(y_true)ᵀ · onehot(y_pred)
for yt, yp, K, C in [(y_true, y_pred, 2, C2), (y_true3, y_pred3, 3, C3)]:
    assert torch.equal(F.one_hot(yt, K).T @ F.one_hot(yp, K), C)
    # 行和 = 每个真实类别的样本数，列和 = 每个预测类别的样本数，对角线 = 预测正确的样本
    assert torch.equal(C.sum(dim=1), torch.bincount(yt, minlength=K))
    assert torch.equal(C.sum(dim=0), torch.bincount(yp, minlength=K))
    assert C.trace() == (yt == yp).sum()
