"""手写 AdaBoost（决策树桩做弱分类器）：α = ½ ln((1-ε)/ε)，错分样本的权重乘 e^α、
对的乘 e^-α；训练误差随轮数下降，并且不超过上界 ∏ 2√(ε(1-ε))。"""

import math

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 二维玩具数据：圆内为 +1，圆外为 -1；任何一个轴对齐的树桩都分不好
n = 200
X = torch.rand(n, 2) * 2 - 1
y = torch.where((X**2).sum(dim=1) < 0.5, 1.0, -1.0)


def fit_stump(X: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> tuple[float, tuple]:
    """穷举特征 j、阈值 θ、方向 s，取加权错误率最小的树桩 h(x) = s·sign(x_j - θ)。"""
    thr = torch.cat([X.T.sort(dim=1).values, torch.full((X.shape[1], 1), 2.0)], dim=1)  # 候选阈值
    pred = torch.where(X.T[:, None, :] >= thr[:, :, None], 1.0, -1.0)  # (特征, 阈值, 样本)
    err_pos = ((pred != y) * w).sum(dim=2)  # s = +1 时每个 (特征, 阈值) 的加权错误率
    err = torch.stack([err_pos, 1 - err_pos])  # s = -1 时预测全反，错误率 = 1 - err_pos
    k, j, i = torch.unravel_index(err.argmin(), err.shape)
    return err[k, j, i].item(), (j.item(), thr[j, i].item(), 1.0 - 2.0 * k.item())


def stump_predict(stump: tuple, X: torch.Tensor) -> torch.Tensor:
    j, theta, s = stump
    return s * torch.where(X[:, j] >= theta, 1.0, -1.0)


T = 60
w = torch.full((n,), 1 / n)  # 初始权重：均匀
F = torch.zeros(n)  # 强分类器的得分 F(x) = Σ α_t h_t(x)
eps_list, alpha_list, Z_list, train_err = [], [], [], []
for _ in range(T):
    eps, stump = fit_stump(X, y, w)
    h = stump_predict(stump, X)
    torch.testing.assert_close(((h != y) * w).sum().item(), eps)  # ε 就是加权错误率
    alpha = 0.5 * math.log((1 - eps) / eps)
    w_new = w * torch.exp(-alpha * y * h)  # 分错（y·h = -1）的乘 e^α，分对的乘 e^-α
    Z = w_new.sum().item()  # 归一化常数
    w = w_new / Z
    F = F + alpha * h
    eps_list.append(eps)
    alpha_list.append(alpha)
    Z_list.append(Z)
    train_err.append((torch.sign(F) != y).double().mean().item())

for t in (1, 5, 20, 60):
    e, a, err = eps_list[t - 1], alpha_list[t - 1], train_err[t - 1]
    print(f"第 {t} 轮：ε={e:.3f} α={a:.3f} 训练误差 {err:.3f}")
# > 第 1 轮：ε=0.370 α=0.266 训练误差 0.370
# > 第 5 轮：ε=0.344 α=0.322 训练误差 0.165
# > 第 20 轮：ε=0.382 α=0.241 训练误差 0.085
# > 第 60 轮：ε=0.405 α=0.192 训练误差 0.010

# 检查 1：每个弱分类器都比随机猜好（ε < 0.5），所以 α > 0
assert all(e < 0.5 for e in eps_list) and all(a > 0 for a in alpha_list)

# 检查 2：α = ½ ln((1-ε)/ε) 是 Z(α) = (1-ε)e^-α + εe^α 的最小点（autograd 导数为 0），
# 最小值 Z = 2√(ε(1-ε)) < 1
for eps, alpha, Z in zip(eps_list, alpha_list, Z_list, strict=True):
    a = torch.tensor(alpha, requires_grad=True)
    (dZ,) = torch.autograd.grad((1 - eps) * torch.exp(-a) + eps * torch.exp(a), a)
    assert abs(dZ.item()) < 1e-12
    assert abs(Z - 2 * math.sqrt(eps * (1 - eps))) < 1e-12

# 检查 3：逐轮乘法更新等价于闭式 w_i ∝ exp(-y_i F(x_i))（指数损失的视角）
torch.testing.assert_close(w, torch.exp(-y * F) / torch.exp(-y * F).sum())

# 检查 4：更新之后，上一轮的弱分类器在新权重下的错误率恰好是 0.5（下一轮必须学点别的）
assert abs(((h != y) * w).sum().item() - 0.5) < 1e-12

# 检查 5：训练误差 ≤ 指数损失 = ∏ Z_t，后者每轮严格下降；训练误差第 60 轮不到第 1 轮的 1/4
bound = torch.tensor(Z_list).cumprod(dim=0)
assert (torch.tensor(train_err) <= bound + 1e-12).all() and (bound.diff() < 0).all()
torch.testing.assert_close(bound[-1].item(), torch.exp(-y * F).mean().item())
assert train_err[-1] < train_err[0] / 4 and train_err[19] < train_err[0]
