"""偏差–方差分解的模拟：重复抽 2000 个训练集，对 0～15 次多项式分别估计偏差²、方差和期望测试误差。
三项之和等于直接估计的误差；偏差随复杂度下降、方差随复杂度上升，误差最小的次数在中间。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, n, R = 0.3, 20, 2000  # 噪声标准差、每个训练集的样本数、训练集个数
degrees = range(16)


def f(x: torch.Tensor) -> torch.Tensor:
    return torch.sin(3 * x + 0.5)  # 真实函数


def features(x: torch.Tensor, degree: int) -> torch.Tensor:
    # 勒让德多项式 P_0, …, P_degree：与 1, x, …, x^degree 张成同一空间，但数值条件好得多
    return torch.special.legendre_polynomial_p(x.unsqueeze(-1), torch.arange(degree + 1))


x = torch.linspace(-1, 1, n)  # 训练输入固定，每个训练集重抽噪声
y = f(x) + sigma * torch.randn(R, n)  # R 个训练集，形状 (R, n)
x_test = torch.linspace(-1, 1, 101)  # 在 [-1, 1] 上平均
f_test = f(x_test)
y_new = f_test + sigma * torch.randn(R, len(x_test))  # 测试点上的新观测，与训练集独立

cols: dict[str, list[float]] = {
    k: [] for k in ["train", "err", "err_f", "bias2", "var", "b2_ref", "var_ref"]
}
for d in degrees:
    Phi, Phi_test = features(x, d), features(x_test, d)
    coef = torch.linalg.lstsq(Phi, y.T).solution  # 一次解 R 个最小二乘（R 个右端项），(d+1, R)
    pred = (Phi_test @ coef).T  # (R, 101)：每个训练集训练出的模型在测试点上的预测
    cols["train"].append(((Phi @ coef).T - y).pow(2).mean().item())
    cols["err"].append((y_new - pred).pow(2).mean().item())  # 直接估计 E[(y − f̂(x))²]
    cols["err_f"].append((f_test - pred).pow(2).mean().item())  # 对真实函数的误差 E[(f − f̂)²]
    cols["bias2"].append((pred.mean(dim=0) - f_test).pow(2).mean().item())  # (E[f̂] − f)²
    cols["var"].append(pred.var(dim=0, unbiased=False).mean().item())  # E[(f̂ − E[f̂])²]
    # 闭式参照：无噪声数据上的拟合给出精确的偏差；方差 = σ² · φ(x)ᵀ(ΦᵀΦ)⁻¹φ(x)
    fit_f = Phi_test @ torch.linalg.lstsq(Phi, f(x)).solution
    cols["b2_ref"].append((fit_f - f_test).pow(2).mean().item())
    leverage = (Phi_test @ torch.linalg.inv(Phi.T @ Phi) * Phi_test).sum(dim=1)
    cols["var_ref"].append(sigma**2 * leverage.mean().item())

train_errs, errs, errs_f, bias2s, variances, b2_ref, var_ref = map(torch.tensor, cols.values())
print("次数  训练   测试   偏差²  方差   偏差²+方差+σ²")
for d in [0, 1, 2, 3, 4, 6, 9, 12, 15]:
    total = bias2s[d] + variances[d] + sigma**2
    row = [train_errs[d], errs[d], bias2s[d], variances[d], total]
    print(f"{d:4d}  " + "  ".join(f"{round(v.item(), 3) + 0.0:.3f}" for v in row))
# > 次数  训练   测试   偏差²  方差   偏差²+方差+σ²
# >    0  0.587  0.606  0.510  0.004  0.605
# >    1  0.351  0.345  0.246  0.009  0.344
# >    2  0.238  0.246  0.142  0.013  0.245
# >    3  0.085  0.117  0.010  0.017  0.117
# >    4  0.072  0.113  0.003  0.020  0.113
# >    6  0.059  0.119  0.000  0.029  0.119
# >    9  0.045  0.133  0.000  0.043  0.133
# >   12  0.032  0.166  0.000  0.076  0.166
# >   15  0.018  0.972  0.001  0.882  0.972
best = int(errs.argmin())
print(f"误差最小的次数：{best}")
# > 误差最小的次数：4

# 检查 1：推导的第一步，E[(f − f̂)²] = 偏差² + 方差，交叉项在样本平均里也恰好为 0（代数恒等式）
torch.testing.assert_close(errs_f, bias2s + variances, rtol=1e-10, atol=0)
# 检查 2：对每个次数，偏差² + 方差 + σ² 与直接估计的期望测试误差一致（相对误差 1% 以内）
torch.testing.assert_close(errs, bias2s + variances + sigma**2, rtol=0.01, atol=0)
# 检查 3：蒙特卡洛估计的偏差²、方差与闭式结果一致（R 个模型的平均本身有方差/R 的误差）
assert (bias2s - (b2_ref + var_ref / R)).abs().max() < 5e-4
assert ((variances / var_ref) - 1).abs().max() < 0.05
# 检查 4：复杂度低的一端偏差² 逐次下降（0～5 次）；方差从头到尾逐次上升
assert all(bias2s[d + 1] < bias2s[d] for d in range(5))
assert all(variances[d + 1] > variances[d] for d in range(15))
# 检查 5：训练误差随次数单调下降（嵌套模型），测试误差却是 U 形：最好的次数在中间
assert all(train_errs[d + 1] < train_errs[d] for d in range(15))
assert 2 < best < 12 and errs[0] > 4 * errs[best] and errs[15] > 4 * errs[best]
# 检查 6：两端各由一项主导，0 次偏差² 占大头（欠拟合），15 次方差占大头（过拟合）
assert bias2s[0] > 50 * variances[0] and variances[15] > 500 * bias2s[15]
