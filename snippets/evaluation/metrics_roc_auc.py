"""ROC 曲线：把阈值从高到低扫一遍，记下每个阈值的 (FPR, TPR)。曲线下面积 AUC 用梯形法算，
与排序统计量 P(正例得分 > 负例得分) + ½·P(相等) 完全相同，也等于 Mann–Whitney U / (n₊·n₋)。"""

import torch

torch.manual_seed(0)


def roc_curve(y_true: torch.Tensor, scores: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    thresholds = scores.unique().flip(0)  # 不同的分数，从高到低
    pred = scores[None, :] >= thresholds[:, None]  # 每行是一个阈值下的预测
    pos = y_true == 1
    tpr = (pred & pos).sum(dim=1).double() / pos.sum()
    fpr = (pred & ~pos).sum(dim=1).double() / (~pos).sum()
    zero = torch.zeros(1, dtype=tpr.dtype)  # 阈值高于所有分数：全判负，对应 (0, 0)
    return torch.cat([zero, fpr]), torch.cat([zero, tpr])


def auc_trapezoid(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    fpr, tpr = roc_curve(y_true, scores)
    return torch.trapezoid(tpr, fpr).item()


def auc_pairs(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    """所有 (正例, 负例) 对里，正例得分更高的比例；分数相等的对算半个。"""
    diff = scores[y_true == 1][:, None] - scores[y_true == 0][None, :]
    return ((diff > 0).double().mean() + 0.5 * (diff == 0).double().mean()).item()


def auc_rank_sum(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    """Mann–Whitney：按分数从小到大排名（并列取平均名次），U = 正例名次和 − n₊(n₊+1)/2。"""
    less = (scores[None, :] < scores[:, None]).sum(dim=1).double()
    equal = (scores[None, :] == scores[:, None]).sum(dim=1).double()
    rank = less + (equal + 1) / 2  # 名次从 1 开始，并列时取平均名次
    n_pos, n_neg = (y_true == 1).sum().item(), (y_true == 0).sum().item()
    U = rank[y_true == 1].sum().item() - n_pos * (n_pos + 1) / 2
    return U / (n_pos * n_neg)


# 小例子：4 个正例、4 个负例，有一对正负例同为 0.6
y_true = torch.tensor([1, 1, 1, 1, 0, 0, 0, 0])
scores = torch.tensor([0.9, 0.8, 0.6, 0.3, 0.7, 0.6, 0.4, 0.2], dtype=torch.float64)
fpr, tpr = roc_curve(y_true, scores)
print("FPR", fpr.tolist())
# > FPR [0.0, 0.0, 0.0, 0.25, 0.5, 0.75, 0.75, 1.0]
print("TPR", tpr.tolist())
# > TPR [0.0, 0.25, 0.5, 0.5, 0.75, 0.75, 1.0, 1.0]
aucs = [auc_trapezoid(y_true, scores), auc_pairs(y_true, scores), auc_rank_sum(y_true, scores)]
print(aucs)
# > [0.71875, 0.71875, 0.71875]

# 大一点的随机例子：200 个样本，分数取 0.1 的整数倍，制造大量并列
y_big = torch.randint(0, 2, (200,))
s_big = ((torch.rand(200) + 0.3 * y_big) * 10).round().double() / 10
aucs_big = [auc_trapezoid(y_big, s_big), auc_pairs(y_big, s_big), auc_rank_sum(y_big, s_big)]
print(f"{aucs_big[0]:.4f}")
# > 0.7277

# 检查：手算 (4 + 4 + 2.5 + 1) / 16 = 0.71875，三种算法完全相同（这里的数都能用二进制精确表示）
assert aucs == [11.5 / 16] * 3
# 检查：有并列时三者也一致：并列在 ROC 上是一段斜线，梯形恰好给它一半的面积
torch.testing.assert_close(aucs_big[0], aucs_big[1], rtol=1e-12, atol=0)
torch.testing.assert_close(aucs_big[0], aucs_big[2], rtol=1e-12, atol=0)
assert (s_big[None, :] == s_big[:, None]).sum() > 200  # 确实有并列
