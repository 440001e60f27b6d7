"""F1 用调和平均：它被 P、R 中较小的那个拖住。“全部判为正例”的退化分类器，
算术平均看起来还行，F1 立刻露馅。F_β 用 β 调节对召回率的偏重。"""

import torch

torch.manual_seed(0)


def f_beta(P: float | torch.Tensor, R: float | torch.Tensor, beta: float) -> float | torch.Tensor:
    """F_β = (1 + β²)·P·R / (β²·P + R)；β = 1 就是 F1。"""
    return (1 + beta**2) * P * R / (beta**2 * P + R)


# 1000 个样本里 100 个正例；退化分类器把所有样本都判为正例
N, n_pos = 1000, 100
y_true = torch.zeros(N, dtype=torch.long)
y_true[:n_pos] = 1
y_pred = torch.ones(N, dtype=torch.long)
TP = ((y_pred == 1) & (y_true == 1)).sum().item()
FP = ((y_pred == 1) & (y_true == 0)).sum().item()
FN = ((y_pred == 0) & (y_true == 1)).sum().item()
P, R = TP / (TP + FP), TP / (TP + FN)
arith = (P + R) / 2
F1 = f_beta(P, R, 1.0)
print(f"P={P:.2f} R={R:.2f} 算术平均={arith:.4f} F1={F1:.4f}")
# > P=0.10 R=1.00 算术平均=0.5500 F1=0.1818

# F_β：β > 1 更看重召回率，β < 1 更看重精确率
for beta in (0.5, 1.0, 2.0):
    print(f"beta={beta}: F={f_beta(0.6, 0.75, beta):.4f}")
# > beta=0.5: F=0.6250
# > beta=1.0: F=0.6667
# > beta=2.0: F=0.7143

# 检查：F1 = 2TP / (2TP + FP + FN)，也就是 P 和 R 倒数的平均再取倒数
assert abs(F1 - 2 * TP / (2 * TP + FP + FN)) < 1e-12
assert abs(F1 - 1 / ((1 / P + 1 / R) / 2)) < 1e-12
# 检查：调和平均 ≤ 几何平均 ≤ 算术平均，且调和平均不超过较小值的 2 倍
grid = torch.linspace(0.01, 1.0, 100, dtype=torch.float64)
Pg, Rg = torch.meshgrid(grid, grid, indexing="ij")
harm, geo, arith = 2 * Pg * Rg / (Pg + Rg), (Pg * Rg).sqrt(), (Pg + Rg) / 2
smaller = torch.minimum(Pg, Rg)
assert torch.all(harm <= geo + 1e-12) and torch.all(geo <= arith + 1e-12)
assert torch.all(smaller <= harm + 1e-12) and torch.all(harm <= 2 * smaller)
# 检查：F_β 的三种写法一致，在一组随机预测上逐个比较（不是手填的数）：
# ① 由 P、R 算 (1+β²)PR/(β²P+R)；② 直接由计数算 (1+β²)TP/((1+β²)TP + β²FN + FP)；
# ③ van Rijsbergen 的加权调和平均 1/(α/P + (1−α)/R)，α = 1/(1+β²)
y_rand = torch.randint(0, 2, (200,))
pred_rand = torch.randint(0, 2, (200,))
tp = ((pred_rand == 1) & (y_rand == 1)).sum().item()
fp = ((pred_rand == 1) & (y_rand == 0)).sum().item()
fn = ((pred_rand == 0) & (y_rand == 1)).sum().item()
P_r = (y_rand[pred_rand == 1] == 1).double().mean().item()  # 在“预测为正”的子集上求平均
R_r = (pred_rand[y_rand == 1] == 1).double().mean().item()  # 在“真实为正”的子集上求平均
for beta in (0.5, 1.0, 2.0, 3.0):
    b2, alpha = beta**2, 1 / (1 + beta**2)
    by_counts = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp)
    weighted_harmonic = 1 / (alpha / P_r + (1 - alpha) / R_r)
    assert abs(f_beta(P_r, R_r, beta) - by_counts) < 1e-12
    assert abs(weighted_harmonic - by_counts) < 1e-12
# 检查：小例子 P = 3/5、R = 3/4 即 TP = 3、FP = 2、FN = 1，上面印的三个值与计数形式一致
for beta in (0.5, 1.0, 2.0):
    b2 = beta**2
    assert abs(f_beta(0.6, 0.75, beta) - (1 + b2) * 3 / ((1 + b2) * 3 + b2 * 1 + 2)) < 1e-12
# 检查：β 的含义（用 autograd 求偏导）：在 R = βP 处 ∂F_β/∂P = ∂F_β/∂R，提高 P 与提高 R 一样划算；
# 离开这条线就不相等。β = 2 时，要 R 是 P 的 2 倍才“平衡”，所以 F₂ 更看重召回率
for beta in (0.5, 2.0):
    for R_val, balanced in ((beta * 0.4, True), (0.4, False)):
        PR = torch.tensor([0.4, R_val], dtype=torch.float64, requires_grad=True)
        (dP, dR) = torch.autograd.grad(f_beta(PR[0], PR[1], beta), PR)[0].tolist()
        assert (abs(dP - dR) < 1e-12) == balanced
# 检查：β → 0 时 F_β → P，β → ∞ 时 F_β → R
assert abs(f_beta(0.6, 0.75, 1e-4) - 0.6) < 1e-6 and abs(f_beta(0.6, 0.75, 1e4) - 0.75) < 1e-6
