"""手写 AdaGrad、RMSprop、Adadelta，与 torch.optim 逐步对比：8 步里每一步的参数都一致。
注意 ε 的位置：AdaGrad、RMSprop 在根号外，Adadelta 在根号内。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

X = torch.randn(16, 3)  # 与其他代码文件相同的小线性回归
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(16)
batches = torch.arange(16).reshape(4, 4)
w0 = torch.randn(3)
steps = 8


def grad(w: torch.Tensor, t: int) -> torch.Tensor:
    Xb, yb = X[batches[t % 4]], y[batches[t % 4]]
    return 2 / len(yb) * Xb.T @ (Xb @ w - yb)


def adagrad(lr=0.5, eps=1e-10):
    w, G, traj = w0.clone(), torch.zeros(3), []
    for t in range(steps):
        g = grad(w, t)
        G = G + g**2  # 累加历史梯度平方，只增不减
        w = w - lr * g / (G.sqrt() + eps)
        traj.append(w)
    return traj


def rmsprop(lr=0.05, alpha=0.99, eps=1e-8):
    w, v, traj = w0.clone(), torch.zeros(3), []
    for t in range(steps):
        g = grad(w, t)
        v = alpha * v + (1 - alpha) * g**2  # 指数移动平均，旧梯度逐渐被遗忘
        w = w - lr * g / (v.sqrt() + eps)
        traj.append(w)
    return traj


def adadelta(lr=1.0, rho=0.9, eps=1e-6):
    w, v, u, traj = w0.clone(), torch.zeros(3), torch.zeros(3), []
    for t in range(steps):
        g = grad(w, t)
        v = rho * v + (1 - rho) * g**2
        delta = (u + eps).sqrt() / (v + eps).sqrt() * g  # 用过去更新量的 RMS 代替学习率
        u = rho * u + (1 - rho) * delta**2
        w = w - lr * delta
        traj.append(w)
    return traj


def run_torch(make_opt) -> list[torch.Tensor]:
    w, traj = w0.clone().requires_grad_(), []
    opt = make_opt([w])
    for t in range(steps):
        opt.zero_grad()
        F.mse_loss(X[batches[t % 4]] @ w, y[batches[t % 4]]).backward()
        opt.step()
        traj.append(w.detach().clone())
    return traj


pairs = {
    "AdaGrad": (adagrad(), run_torch(lambda p: torch.optim.Adagrad(p, lr=0.5))),
    "RMSprop": (rmsprop(), run_torch(lambda p: torch.optim.RMSprop(p, lr=0.05))),
    "Adadelta": (adadelta(), run_torch(lambda p: torch.optim.Adadelta(p))),  # 默认 lr=1.0
}
step1 = {name: (mine[0] - w0).abs() for name, (mine, _) in pairs.items()}  # 第 1 步每个坐标走多远
print({name: round(s.max().item(), 4) for name, s in step1.items()})
# > {'AdaGrad': 0.5, 'RMSprop': 0.5, 'Adadelta': 0.0032}

# 检查：每个优化器、每一步，手写结果都与 torch.optim 一致
for mine, ref in pairs.values():
    for w_mine, w_ref in zip(mine, ref, strict=True):
        torch.testing.assert_close(w_mine, w_ref)
# 检查：第 1 步的步长（每个坐标）：AdaGrad 是 lr，没有偏差修正的 RMSprop 是 lr/√(1-α) = 10·lr，
# Adadelta 是 √ε/√((1-ρ)g² + ε)·|g| ≈ √ε/√(1-ρ)，由 ε 决定、与梯度大小几乎无关
torch.testing.assert_close(step1["AdaGrad"], torch.full((3,), 0.5))
torch.testing.assert_close(step1["RMSprop"], torch.full((3,), 0.05 / (1 - 0.99) ** 0.5))
torch.testing.assert_close(step1["Adadelta"], torch.full((3,), 1e-3 / 0.1**0.5), rtol=1e-3, atol=0)
