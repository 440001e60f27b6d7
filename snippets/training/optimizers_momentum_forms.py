"""动量的两种写法：PyTorch 的 v ← μv + g, θ ← θ - lr·v 与 Sutskever 等人的 v ← μv + lr·g, θ ← θ - v
在学习率不变时完全等价，学习率一变就不同；PyTorch 的 Nesterov 等价于“在前瞻点求梯度”的原始写法。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

X = torch.randn(16, 3)  # 与其他代码文件相同的小线性回归
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(16)
batches = torch.arange(16).reshape(4, 4)
w0 = torch.randn(3)
mu, steps = 0.9, 8


def grad(w: torch.Tensor, t: int) -> torch.Tensor:
    Xb, yb = X[batches[t % 4]], y[batches[t % 4]]
    return 2 / len(yb) * Xb.T @ (Xb @ w - yb)


def lr_at(t: int, drop: bool) -> float:
    return 0.01 if drop and t >= 4 else 0.05  # drop=True：第 5 步起学习率降到 0.01


def torch_sgd(drop: bool, nesterov: bool = False) -> list[torch.Tensor]:
    w, traj = w0.clone().requires_grad_(), []
    opt = torch.optim.SGD([w], lr=0.05, momentum=mu, nesterov=nesterov)
    for t in range(steps):
        opt.param_groups[0]["lr"] = lr_at(t, drop)  # 学习率调度器做的就是这件事
        opt.zero_grad()
        F.mse_loss(X[batches[t % 4]] @ w, y[batches[t % 4]]).backward()
        opt.step()
        traj.append(w.detach().clone())
    return traj


def sutskever(drop: bool) -> list[torch.Tensor]:
    """学习率乘在进入速度的梯度上：v ← μv + lr·g，θ ← θ - v。"""
    w, v, traj = w0.clone(), torch.zeros(3), []
    for t in range(steps):
        v = mu * v + lr_at(t, drop) * grad(w, t)
        w = w - v
        traj.append(w)
    return traj


def nesterov_lookahead() -> list[torch.Tensor]:
    """原始 Nesterov 写法：在前瞻点 θ + μv 处求梯度，v ← μv - lr·∇f(θ + μv)，θ ← θ + v。"""
    theta, v, traj = w0.clone(), torch.zeros(3), []
    for t in range(steps):
        v = mu * v - 0.05 * grad(theta + mu * v, t)
        theta = theta + v
        traj.append(theta + mu * v)  # 记录前瞻点 θ + μv
    return traj


# 梯度恒定时缓冲区 b_t = (1 - μ^t)/(1 - μ)·g → g/(1 - μ)：μ = 0.9 时步长放大到 10 倍
w = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.05, momentum=mu)
for _ in range(50):
    w.grad = torch.ones(3)
    opt.step()
buffer = opt.state[w]["momentum_buffer"]

same_lr = list(zip(torch_sgd(drop=False), sutskever(drop=False), strict=True))
with_drop = list(zip(torch_sgd(drop=True), sutskever(drop=True), strict=True))
gap = (with_drop[-1][0] - with_drop[-1][1]).norm().item()
print(f"第 5 步起学习率变小后，两种写法第 8 步的参数相差 {gap:.3f}")
# > 第 5 步起学习率变小后，两种写法第 8 步的参数相差 1.926

# 检查：学习率不变时两种写法每一步都相同（速度只差一个因子 lr）
for w_torch, w_other in same_lr:
    torch.testing.assert_close(w_torch, w_other)
# 检查：学习率改变之前相同，改变之后不同
for w_torch, w_other in with_drop[:4]:
    torch.testing.assert_close(w_torch, w_other)
assert all((w_torch - w_other).norm() > 1e-3 for w_torch, w_other in with_drop[4:])
# 检查：torch.optim.SGD(nesterov=True) 存的参数就是原始写法的前瞻点 θ + μv
for w_torch, w_ahead in zip(
    torch_sgd(drop=False, nesterov=True), nesterov_lookahead(), strict=True
):
    torch.testing.assert_close(w_torch, w_ahead)
# 检查：恒定梯度下动量缓冲区为 (1 - μ^t)/(1 - μ)·g，50 步后已接近 10·g
torch.testing.assert_close(buffer, torch.full((3,), (1 - mu**50) / (1 - mu)))
assert 9.9 < buffer[0] < 10
