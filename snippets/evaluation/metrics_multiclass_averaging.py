"""多分类的宏平均、微平均、加权平均。单标签多分类时微平均的 P = R = F1 = 准确率；
宏平均让每个类别同样重要，稀有类别做得差会把它拉下来。"""

import torch

# 3 个类别，样本数 80 : 15 : 5；先写好混淆矩阵（行 = 真实，列 = 预测），再展开成标签
C_given = torch.tensor([[76, 3, 1], [4, 10, 1], [3, 1, 1]])
K = 3
y_true = torch.arange(K).repeat_interleave(C_given.sum(dim=1))
y_pred = torch.cat([torch.arange(K).repeat_interleave(row) for row in C_given])
C = torch.bincount(y_true * K + y_pred, minlength=K * K).reshape(K, K)

# 路线一：从混淆矩阵读出每个类别的 TP、FP、FN（一对多：把类别 c 当正例，其余当负例）
TP = C.diag().double()
FP = C.sum(dim=0) - C.diag()  # 第 c 列：预测为 c 的样本里，真实不是 c 的
FN = C.sum(dim=1) - C.diag()  # 第 c 行：真实为 c 的样本里，没预测成 c 的
P_c, R_c = TP / (TP + FP), TP / (TP + FN)
F1_c = 2 * P_c * R_c / (P_c + R_c)
support = C.sum(dim=1).double()  # 每个类别的真实样本数
print("F1 per class:", [round(v, 4) for v in F1_c.tolist()])
# > F1 per class: [0.9325, 0.6897, 0.25]

macro_F1 = F1_c.mean()  # 每个类别权重相同
weighted_F1 = (F1_c * support).sum() / support.sum()  # 按样本数加权
micro_P = TP.sum() / (TP.sum() + FP.sum())  # 先把所有类别的计数加起来，再算一次
micro_R = TP.sum() / (TP.sum() + FN.sum())
micro_F1 = 2 * micro_P * micro_R / (micro_P + micro_R)
accuracy = (y_true == y_pred).double().mean()
print(f"macro={macro_F1:.4f} weighted={weighted_F1:.4f} micro={micro_F1:.4f} acc={accuracy:.4f}")
# > macro=0.6241 weighted=0.8620 micro=0.8700 acc=0.8700

# 检查：混淆矩阵还原正确
assert torch.equal(C, C_given)
# 检查：路线二，直接在样本上对每个类别做一对多的二分类，得到相同的 P、R
for c in range(K):
    is_c, pred_c = y_true == c, y_pred == c
    assert abs((is_c[pred_c]).double().mean() - P_c[c]) < 1e-12  # 预测为 c 的样本里真是 c 的比例
    assert abs((pred_c[is_c]).double().mean() - R_c[c]) < 1e-12  # 真是 c 的样本里预测对的比例
# 检查：单标签时 ΣFP = ΣFN = 错分样本数，所以微平均 P = R = F1 = 准确率
assert FP.sum() == FN.sum() == (y_true != y_pred).sum()
for v in (micro_P, micro_R, micro_F1):
    torch.testing.assert_close(v, accuracy)
# 检查：按样本数加权的召回率也恰好等于准确率（Σ n_c · TP_c/n_c / N = ΣTP_c / N）
torch.testing.assert_close((R_c * support).sum() / support.sum(), accuracy)
# 检查：宏平均被稀有的类别 2（F1 = 0.25）拉低，远低于微平均
assert macro_F1 < micro_F1 - 0.2
# “宏 F1”的另一种定义：宏平均 P 与宏平均 R 的调和平均
macro_P, macro_R = P_c.mean(), R_c.mean()
F1_of_macros = 2 * macro_P * macro_R / (macro_P + macro_R)
print(f"各类 F1 的平均={macro_F1:.4f} 宏 P 与宏 R 的调和平均={F1_of_macros:.4f}")
# > 各类 F1 的平均=0.6241 宏 P 与宏 R 的调和平均=0.6290

# 检查：两种定义不是同一个数
assert abs(F1_of_macros - macro_F1) > 1e-3
