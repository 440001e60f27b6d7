"""Rosenblatt 感知机学习规则 w ← w + η(y − ŷ)x：在线性可分的数据上有限步收敛，
出错（更新）次数不超过 (R/γ)²（Novikoff 定理）。没有点恰好落在超平面上（z ≠ 0）时，
一次批量更新等于对感知机损失做一步 SGD；z = 0 处两者不同，而且 autograd 在 z = 0
取哪个次梯度取决于 max(0, ·) 的写法：F.relu 取 0（从 w = 0 出发一步也不动），
clamp(min=0) 取满梯度，torch.maximum 取一半。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

# 线性可分的数据：由一条“真实”直线 u 决定标签，并去掉离直线太近的点（留出间隔）
X = torch.rand(400, 2) * 2 - 1
X = torch.cat([X, torch.ones(400, 1)], dim=1)  # 末尾补 1，偏置 b 并入 w
u = torch.tensor([1.0, -0.5, 0.1])
u = u / u.norm()
X = X[(X @ u).abs() > 0.1][:100]  # 保留 100 个间隔大于 0.1 的点
y = (X @ u > 0).float()  # 标签 0/1


def predict(w: torch.Tensor, X: torch.Tensor) -> torch.Tensor:
    return (X @ w > 0).float()  # 阶跃函数：z > 0 输出 1，否则输出 0


w, lr = torch.zeros(3), 1.0
errors_per_epoch = []  # 每一轮出错（即更新）的次数
for _ in range(100):
    errors = 0
    for x_i, y_i in zip(X, y, strict=True):
        y_hat = predict(w, x_i)
        w = w + lr * (y_i - y_hat) * x_i  # 感知机学习规则：预测对了 y − ŷ = 0，不更新
        errors += int(y_hat != y_i)
    errors_per_epoch.append(errors)
    if errors == 0:  # 一整轮没有出错：收敛
        break
mistakes = sum(errors_per_epoch)
print(f"每轮出错次数 {errors_per_epoch}，共更新 {mistakes} 次")
# > 每轮出错次数 [8, 0]，共更新 8 次

# Novikoff 定理的上界：R = max‖x‖，γ = min 到真实超平面 u 的距离
R = X.norm(dim=1).max()
gamma = (X @ u).abs().min()
bound = (R / gamma) ** 2
print(f"上界 (R/γ)² = {bound:.1f}")
# > 上界 (R/γ)² = 259.5

# 检查：收敛后训练集全部分对，更新次数不超过上界
assert errors == 0 and torch.equal(predict(w, X), y)
assert mistakes <= bound


def sgd_step(w_start: torch.Tensor, hinge=F.relu) -> torch.Tensor:
    """对感知机损失 Σ max(0, −s·z)（s = 2y − 1 ∈ {±1}，z = w·x）用 torch.optim.SGD 走一步；
    hinge 是 max(0, ·) 的写法，默认 F.relu（autograd 在 0 处取导数 0）。"""
    w_sgd = w_start.clone().requires_grad_()
    opt = torch.optim.SGD([w_sgd], lr=lr)
    hinge(-(2 * y - 1) * (X @ w_sgd)).sum().backward()
    opt.step()
    return w_sgd.detach()


def rule_step(w_start: torch.Tensor) -> torch.Tensor:
    """感知机规则对全部样本的一次批量更新：w + η Σ (y − ŷ) x。"""
    return w_start + lr * ((y - predict(w_start, X))[:, None] * X).sum(dim=0)


# 检查：任取一个还没分对、也没有点恰好落在超平面上的 w，感知机规则 = 一步 SGD
w0 = torch.randn(3)
assert (predict(w0, X) != y).any() and (X @ w0 != 0).all()
torch.testing.assert_close(sgd_step(w0), rule_step(w0))
# 检查：从 w = 0 出发（所有 z = 0）两者不同：max(0, −s·z) 在 z = 0 不可导，
# 用 F.relu 写时 autograd 取次梯度 0，SGD 原地不动；
# 感知机规则把 z = 0 的正样本判为 0（错），照样更新
zero = torch.zeros(3)
assert torch.equal(sgd_step(zero), zero)
assert not torch.equal(rule_step(zero), zero)
# 检查：autograd 在 z = 0 取哪个次梯度，取决于 max(0, ·) 怎么写。clamp(min=0) 在边界上放行梯度，
# 从 w = 0 出发的一步是 η Σ s·x（所有样本都更新，即 ±1 写法“s·z ≤ 0 就更新”），与 0/1 规则也不同；
# torch.maximum(0, ·) 在两者相等处把梯度各分一半
s = 2 * y - 1
step_clamp = sgd_step(zero, hinge=lambda t: t.clamp(min=0))
torch.testing.assert_close(step_clamp, lr * (s[:, None] * X).sum(dim=0))
assert not torch.allclose(step_clamp, rule_step(zero))
step_maximum = sgd_step(zero, hinge=lambda t: torch.maximum(t, torch.zeros_like(t)))
torch.testing.assert_close(step_maximum, step_clamp / 2)
