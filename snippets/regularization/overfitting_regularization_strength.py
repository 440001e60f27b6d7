"""正则化强度在偏差和方差之间做交换：15 次多项式 + L2 惩罚（岭回归），λ 从 1e-4 增大到 1e4。
λ 太小方差大（过拟合），λ 太大偏差大（欠拟合：训练、测试误差都高），中间最好。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, n, R, degree = 0.3, 20, 2000, 15


def f(x: torch.Tensor) -> torch.Tensor:
    return torch.sin(3 * x + 0.5)


def features(x: torch.Tensor) -> torch.Tensor:
    return torch.special.legendre_polynomial_p(x.unsqueeze(-1), torch.arange(degree + 1))


x = torch.linspace(-1, 1, n)
y = f(x) + sigma * torch.randn(R, n)  # R 个训练集
x_test = torch.linspace(-1, 1, 101)
f_test = f(x_test)
y_new = f_test + sigma * torch.randn(R, len(x_test))
Phi, Phi_test = features(x), features(x_test)
D = torch.eye(degree + 1)
D[0, 0] = 0  # 不惩罚常数项（截距）


def ridge(lam: float) -> torch.Tensor:
    """最小化 ‖y − Φw‖² + λ‖w_{1:}‖² 的闭式解 w = (ΦᵀΦ + λD)⁻¹Φᵀy，一次解 R 个训练集。"""
    return torch.linalg.solve(Phi.T @ Phi + lam * D, Phi.T @ y.T)  # (degree+1, R)


lams = [10.0**k for k in range(-4, 5)] + [1e8]
rows = []
for lam in lams:
    coef = ridge(lam)
    pred = (Phi_test @ coef).T
    train_err = ((Phi @ coef).T - y).pow(2).mean().item()
    err = (y_new - pred).pow(2).mean().item()
    bias2 = (pred.mean(dim=0) - f_test).pow(2).mean().item()
    var = pred.var(dim=0, unbiased=False).mean().item()
    rows.append((train_err, err, bias2, var))
train_errs, errs, bias2s, variances = torch.tensor(rows).T

print("     λ   训练    测试    偏差²   方差")
for k in [0, 2, 3, 4, 5, 6, 8, 9]:
    print(f"{lams[k]:6.0e}  " + "  ".join(f"{v:.4f}" for v in rows[k]))
# >      λ   训练    测试    偏差²   方差
# >  1e-04  0.0179  0.9587  0.0006  0.8679
# >  1e-02  0.0192  0.4201  0.0009  0.3291
# >  1e-01  0.0246  0.1628  0.0018  0.0709
# >  1e+00  0.0550  0.1370  0.0212  0.0255
# >  1e+01  0.2935  0.3361  0.2383  0.0069
# >  1e+02  0.5332  0.5582  0.4625  0.0046
# >  1e+04  0.5862  0.6052  0.5095  0.0045
# >  1e+08  0.5868  0.6057  0.5101  0.0045

best = int(errs[:-1].argmin())
# 检查 1：闭式解与增广最小二乘 min ‖[Φ; √λ·D] w − [y; 0]‖² 的解一致
lam = 0.1
A = torch.cat([Phi, lam**0.5 * D])
b = torch.cat([y.T, torch.zeros(degree + 1, R)])
torch.testing.assert_close(ridge(lam), torch.linalg.lstsq(A, b).solution)
# 检查 2：λ 越大，训练误差越高、方差越小（逐个 λ 单调）；大 λ 一端偏差² 逐个上升
assert (train_errs.diff() > 0).all() and (variances.diff() < 0).all()
assert (bias2s[3:].diff() > 0).all()
# 检查 3：测试误差是 U 形，最好的 λ 在中间，比两端都好 4 倍以上
assert 0 < best < len(lams) - 2 and errs[0] > 4 * errs[best] and errs[-1] > 4 * errs[best]
assert lams[best] == 1.0  # 所试的 λ 里（包括没印出来的 1e-3、1e3）λ = 1 最好
# 检查 4：λ 极大时模型退化为“预测训练集的均值”：训练、测试误差都高，差距小（欠拟合）
pred_huge = (Phi_test @ ridge(1e8)).T
torch.testing.assert_close(
    pred_huge, y.mean(dim=1, keepdim=True).expand_as(pred_huge), atol=1e-5, rtol=0
)
assert min(train_errs[-1], errs[-1]) > 5 * sigma**2 and errs[-1] - train_errs[-1] < 0.05
assert abs(variances[-1] / (sigma**2 / n) - 1) < 0.05  # 此时方差就是均值的方差 σ²/n
