"""一次完整的小型调参：5 折交叉验证选岭回归的 λ，用全部训练数据重训，最后只在测试集上评估一次。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
d = 30
w_true = torch.randn(d) * 0.9 ** torch.arange(d)  # 系数逐渐变小的真实模型


def make_data(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    X = torch.randn(n, d)
    return X, X @ w_true + torch.randn(n)  # 噪声方差 1


X, y = make_data(45)  # 可用于训练和调参的数据：只有 45 个样本，30 个特征
X_test, y_test = make_data(1000)  # 测试集：调参期间完全不碰


def ridge(X: torch.Tensor, y: torch.Tensor, lam: float) -> torch.Tensor:
    """岭回归闭式解 w = (XᵀX + λI)⁻¹ Xᵀy，最小化 ‖Xw - y‖² + λ‖w‖²。"""
    return torch.linalg.solve(X.T @ X + lam * torch.eye(d), X.T @ y)


def mse(w: torch.Tensor, X: torch.Tensor, y: torch.Tensor) -> float:
    return ((X @ w - y) ** 2).mean().item()


# 5 折交叉验证：打乱后切成 5 份，每个 λ 都用同样的切分
K = 5
folds = torch.tensor_split(torch.randperm(len(y)), K)
exps = torch.arange(-3, 3.5, 0.5).tolist()  # 对数网格 1e-3 … 1e3 的指数
lams = [10.0**e for e in exps]
cv = []
for lam in lams:
    errs = []
    for k in range(K):
        tr, va = torch.cat(folds[:k] + folds[k + 1 :]), folds[k]
        errs.append(mse(ridge(X[tr], y[tr], lam), X[va], y[va]))
    cv.append(sum(errs) / K)  # 交叉验证误差 = K 个验证折误差的平均
best = min(range(len(lams)), key=cv.__getitem__)
print(" ".join(f"1e{e:+.0f}:{c:.2f}" for e, c in zip(exps[::2], cv[::2], strict=True)))
print(f"选中 λ = {lams[best]:.3g}，交叉验证 MSE = {cv[best]:.2f}")

# 用选中的 λ 在全部 45 个样本上重新训练，然后在测试集上评估一次（只评估这一次）
w_final = ridge(X, y, lams[best])
test_mse = mse(w_final, X_test, y_test)
print(f"测试 MSE = {test_mse:.2f}，只预测均值的 MSE = {y_test.var().item():.2f}")
# > 1e-3:7.32 1e-2:6.98 1e-1:4.96 1e+0:2.30 1e+1:2.26 1e+2:6.20 1e+3:9.32
# > 选中 λ = 3.16，交叉验证 MSE = 1.83
# > 测试 MSE = 2.27，只预测均值的 MSE = 10.37

# 检查 1：闭式解是 ‖Xw - y‖² + λ‖w‖² 的最小值点：autograd 算出的梯度在这里为 0
lam = lams[best]
w = w_final.clone().requires_grad_()
(((X @ w - y) ** 2).sum() + lam * (w**2).sum()).backward()
assert w.grad.abs().max() < 1e-8
# 检查 2：交叉验证曲线是 U 形，选中的 λ 不在网格两端，误差不到两端的一半
assert 0 < best < len(lams) - 1
assert cv[best] < 0.5 * min(cv[0], cv[-1])
# 检查 3：最终模型在测试集上远好于只预测均值；测试误差与交叉验证的估计相差不到 50%
assert test_mse < 0.5 * y_test.var().item()
assert abs(test_mse / cv[best] - 1) < 0.5
