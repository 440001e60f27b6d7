"""阈值的取舍：阈值从高到低扫一遍，召回率只增不减，精确率大体下降但不一定单调；
0.5 不一定是最好的阈值。"""

import itertools

import torch

y_true = torch.tensor([1, 1, 1, 1, 0, 0, 0, 0])
scores = torch.tensor([0.9, 0.8, 0.6, 0.3, 0.7, 0.6, 0.4, 0.2])

thresholds = scores.unique().flip(0)  # 所有不同的分数，从高到低：判正的条件是 score ≥ 阈值
P_list, R_list, F1_list = [], [], []
for t in thresholds.tolist():
    y_pred = scores >= t
    TP = (y_pred & (y_true == 1)).sum().item()
    FP = (y_pred & (y_true == 0)).sum().item()
    P, R = TP / (TP + FP), TP / 4
    P_list.append(P)
    R_list.append(R)
    F1_list.append(2 * P * R / (P + R))
    print(f"t={t:.1f} TP={TP} FP={FP} P={P:.4f} R={R:.2f} F1={F1_list[-1]:.4f}")
# > t=0.9 TP=1 FP=0 P=1.0000 R=0.25 F1=0.4000
# > t=0.8 TP=2 FP=0 P=1.0000 R=0.50 F1=0.6667
# > t=0.7 TP=2 FP=1 P=0.6667 R=0.50 F1=0.5714
# > t=0.6 TP=3 FP=2 P=0.6000 R=0.75 F1=0.6667
# > t=0.4 TP=3 FP=3 P=0.5000 R=0.75 F1=0.6000
# > t=0.3 TP=4 FP=3 P=0.5714 R=1.00 F1=0.7273
# > t=0.2 TP=4 FP=4 P=0.5000 R=1.00 F1=0.6667

best = max(range(len(F1_list)), key=lambda i: F1_list[i])
print(f"F1 最高的阈值 {thresholds[best].item():.1f}，F1={F1_list[best]:.4f}")
# > F1 最高的阈值 0.3，F1=0.7273

# 检查：阈值降低，召回率单调不减（判为正的样本只会变多，TP 不会减少）
assert all(a <= b for a, b in itertools.pairwise(R_list))
# 检查：精确率并不单调：阈值从 0.4 降到 0.3，精确率从 0.5 升到 4/7
assert any(a < b for a, b in itertools.pairwise(P_list))
# 检查：默认阈值 0.5（判正等价于 ≥ 0.6）的 F1 = 2/3，低于阈值 0.3 的 8/11
assert abs(F1_list[3] - 2 / 3) < 1e-12 and abs(F1_list[best] - 8 / 11) < 1e-12
