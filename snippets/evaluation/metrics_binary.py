"""二分类的基本指标：准确率、精确率、召回率（= 灵敏度 = TPR）、特异度、FPR、F1。
从混淆矩阵的四个数算出来，再用另一条路线（直接在样本上求平均）核对。"""

import torch

y_true = torch.tensor([1, 1, 1, 1, 0, 0, 0, 0])
scores = torch.tensor([0.9, 0.8, 0.6, 0.3, 0.7, 0.6, 0.4, 0.2])
y_pred = (scores >= 0.5).long()

# 路线一：先数混淆矩阵（行 = 真实，列 = 预测），再套公式
C = torch.bincount(y_true * 2 + y_pred, minlength=4).reshape(2, 2)
TN, FP, FN, TP = C.flatten().tolist()
accuracy = (TP + TN) / (TP + TN + FP + FN)
precision = TP / (TP + FP)  # 预测为正的样本里，真正例占多少
recall = TP / (TP + FN)  # 真实正例里，被找出来的占多少；= 灵敏度 = 真正例率 TPR
specificity = TN / (TN + FP)  # 真实负例里，被判对的占多少；= 真负例率 TNR
fpr = FP / (FP + TN)  # 假正例率 = 1 - 特异度
f1 = 2 * precision * recall / (precision + recall)
print(f"acc={accuracy:.4f} P={precision:.4f} R={recall:.4f} spec={specificity:.4f}")
# > acc=0.6250 P=0.6000 R=0.7500 spec=0.5000
print(f"FPR={fpr:.4f} F1={f1:.4f}")
# > FPR=0.5000 F1=0.6667

# 路线二：不经过混淆矩阵，直接在样本上求平均
pos, predicted_pos = y_true == 1, y_pred == 1
acc2 = (y_pred == y_true).float().mean().item()
precision2 = (y_true[predicted_pos] == 1).float().mean().item()  # 在“预测为正”的子集上
recall2 = (y_pred[pos] == 1).float().mean().item()  # 在“真实为正”的子集上
specificity2 = (y_pred[~pos] == 0).float().mean().item()  # 在“真实为负”的子集上

# 检查：两条路线一致；手算：acc = 5/8，P = 3/5，R = 3/4，特异度 = 2/4
for a, b, exact in [
    (accuracy, acc2, 5 / 8),
    (precision, precision2, 3 / 5),
    (recall, recall2, 3 / 4),
    (specificity, specificity2, 2 / 4),
]:
    assert abs(a - b) < 1e-7 and abs(a - exact) < 1e-12
assert abs(fpr - (1 - specificity)) < 1e-12
# 检查：F1 = 2PR/(P+R) = 2TP/(2TP+FP+FN) = 6/9
assert abs(f1 - 2 * TP / (2 * TP + FP + FN)) < 1e-12 and abs(f1 - 6 / 9) < 1e-12
