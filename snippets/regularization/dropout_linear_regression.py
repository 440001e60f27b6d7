"""线性回归的输入做 Dropout，对掩码取期望后就是一个带 L2 惩罚的损失：
E[MSE] = MSE(w) + p/(1-p) · Σ_j w_j² · mean_n(x_nj²)，
即按特征尺度加权的岭回归（Srivastava 等 2014，第 9 节）。"""

import itertools

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
N, d, p = 20, 6, 0.3
X = torch.randn(N, d) * torch.tensor([0.5, 1.0, 1.0, 2.0, 3.0, 0.2])  # 各特征尺度不同
y = X @ torch.randn(d) + 0.1 * torch.randn(N)
w = torch.randn(d, requires_grad=True)

# 精确期望：每个样本的掩码独立，枚举全部 2⁶ = 64 个掩码
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=d)))  # (64, d)
probs = (1 - p) ** masks.sum(dim=1) * p ** (d - masks.sum(dim=1))  # (64,)


def expected_dropout_mse(w: torch.Tensor) -> torch.Tensor:
    pred = (masks[:, None, :] * X / (1 - p)) @ w  # (64, N)：每个掩码、每个样本的预测
    return (probs[:, None] * (y - pred) ** 2).sum(dim=0).mean()


def closed_form(w: torch.Tensor) -> torch.Tensor:
    mse = ((y - X @ w) ** 2).mean()
    return mse + p / (1 - p) * (w**2 * (X**2).mean(dim=0)).sum()


# 期望损失的最小值点：(XᵀX + p/(1-p)·diag(XᵀX)) w = Xᵀy
G = X.T @ X
w_star = torch.linalg.solve(G + p / (1 - p) * torch.diag(torch.diag(G)), X.T @ y)
w_ols = torch.linalg.lstsq(X, y[:, None]).solution.squeeze(1)


def penalty(w: torch.Tensor) -> float:
    return (w**2 * torch.diag(G)).sum().item()  # 加权平方范数 Σ_j w_j² · Σ_n x_nj²


print(f"加权范数：最小二乘 {penalty(w_ols):.1f}，Dropout 的期望损失最优解 {penalty(w_star):.1f}")
# > 加权范数：最小二乘 236.4，Dropout 的期望损失最优解 106.1

# 检查 1：对掩码的精确期望 = 普通 MSE + 数据相关的 L2 惩罚
torch.testing.assert_close(expected_dropout_mse(w), closed_form(w))
# 检查 2：w_star 处期望损失的梯度为 0（autograd）
w_s = w_star.clone().requires_grad_()
(g,) = torch.autograd.grad(expected_dropout_mse(w_s), w_s)
torch.testing.assert_close(g, torch.zeros(d), atol=1e-10, rtol=0)
# 检查 3：和岭回归一样，解向 0 收缩：被惩罚的加权范数比最小二乘解小
assert penalty(w_star) < penalty(w_ols)
