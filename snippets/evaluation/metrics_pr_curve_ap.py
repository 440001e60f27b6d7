"""PR 曲线与平均精度（AP）：扫阈值得到 (R, P)，AP = Σ (R_n − R_{n−1})·P_n 是阶梯求和；
它和梯形法的“PR 曲线下面积”不是一回事：常数打分时梯形法给出 0.55，AP 只有 0.1。"""

import torch

torch.manual_seed(0)


def pr_curve(y_true: torch.Tensor, scores: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    thresholds = scores.unique().flip(0)  # 从高到低
    pred = scores[None, :] >= thresholds[:, None]
    TP = (pred & (y_true == 1)).sum(dim=1).double()
    precision = TP / pred.sum(dim=1)
    recall = TP / (y_true == 1).sum()
    # 约定起点 R = 0、P = 1（阈值高于所有分数，没有预测为正的样本）
    one, zero = torch.ones(1, dtype=torch.float64), torch.zeros(1, dtype=torch.float64)
    return torch.cat([zero, recall]), torch.cat([one, precision])


def average_precision(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    R, P = pr_curve(y_true, scores)
    return ((R[1:] - R[:-1]) * P[1:]).sum().item()  # 每一步召回率的增量 × 该处的精确率


def pr_auc_trapezoid(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    R, P = pr_curve(y_true, scores)
    return torch.trapezoid(P, R).item()  # 在 PR 空间做线性插值


y_true = torch.tensor([1, 1, 1, 1, 0, 0, 0, 0])
scores = torch.tensor([0.9, 0.8, 0.6, 0.3, 0.7, 0.6, 0.4, 0.2], dtype=torch.float64)
R, P = pr_curve(y_true, scores)
print("R", R.tolist())
# > R [0.0, 0.25, 0.5, 0.5, 0.75, 0.75, 1.0, 1.0]
print("P", [round(p, 4) for p in P.tolist()])
# > P [1.0, 1.0, 1.0, 0.6667, 0.6, 0.5, 0.5714, 0.5]
ap, trap = average_precision(y_true, scores), pr_auc_trapezoid(y_true, scores)
print(f"AP={ap:.4f} 梯形={trap:.4f}")
# > AP=0.7929 梯形=0.7923

# 常数打分（什么都没学到）：100 个样本，10 个正例
y_const = (torch.arange(100) < 10).long()
s_const = torch.zeros(100, dtype=torch.float64)
ap_c, trap_c = average_precision(y_const, s_const), pr_auc_trapezoid(y_const, s_const)
print(f"常数打分：AP={ap_c:.4f} 梯形={trap_c:.4f}")
# > 常数打分：AP=0.1000 梯形=0.5500

# 随机打分（没有并列）：AP 约等于正例比例，而不是 0.5
y_rand = (torch.rand(2000) < 0.1).long()
s_rand = torch.rand(2000, dtype=torch.float64)
ap_rand = average_precision(y_rand, s_rand)

# 检查：手算 AP = 0.25 × (1 + 1 + 3/5 + 4/7)，与梯形法不同
assert abs(ap - 0.25 * (1 + 1 + 3 / 5 + 4 / 7)) < 1e-12 and abs(ap - trap) > 1e-4
# 检查：常数打分的 AP 等于正例比例 0.1；梯形法把 (0, 1) 到 (1, 0.1) 连成直线，得到 0.55
assert abs(ap_c - 0.1) < 1e-12 and abs(trap_c - 0.55) < 1e-12
# 检查：没有并列时，AP = 每个正例所在位置的 precision@k 的平均（另一种算法）
order = s_rand.argsort(descending=True)
hits = y_rand[order].double()
precision_at_k = hits.cumsum(0) / torch.arange(1, 2001)
ap_by_rank = (precision_at_k * hits).sum() / hits.sum()
torch.testing.assert_close(ap_rand, ap_by_rank.item(), rtol=1e-12, atol=0)
assert abs(ap_rand - y_rand.double().mean().item()) < 0.05
