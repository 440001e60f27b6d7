"""手写 SGD、动量、Nesterov（PyTorch 的写法，含 dampening、weight_decay），
与 torch.optim.SGD 逐步对比：8 步里每一步的参数都一致。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 小问题：16 个样本的线性回归，按顺序轮流使用 4 个大小为 4 的小批量
X = torch.randn(16, 3)
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(16)
batches = torch.arange(16).reshape(4, 4)
w0 = torch.randn(3)
steps = 8


def grad(w: torch.Tensor, t: int) -> torch.Tensor:
    """第 t 步小批量上均方误差的梯度（手推公式，不用 autograd）。"""
    Xb, yb = X[batches[t % 4]], y[batches[t % 4]]
    return 2 / len(yb) * Xb.T @ (Xb @ w - yb)


def sgd_by_hand(lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
    w, b, traj = w0.clone(), None, []
    for t in range(steps):
        g = grad(w, t) + weight_decay * w  # L2：把 λθ 加到梯度上
        if momentum != 0:
            # 第 1 步缓冲区直接等于 g（不乘 1 - dampening），之后 b ← μb + (1-τ)g
            b = g.clone() if b is None else momentum * b + (1 - dampening) * g
            g = g + momentum * b if nesterov else b
        w = w - lr * g
        traj.append(w)
    return traj


def sgd_torch(**kwargs):
    w, traj = w0.clone().requires_grad_(), []
    opt = torch.optim.SGD([w], **kwargs)
    for t in range(steps):
        opt.zero_grad()
        F.mse_loss(X[batches[t % 4]] @ w, y[batches[t % 4]]).backward()
        opt.step()
        traj.append(w.detach().clone())
    return traj


configs = {
    "SGD": dict(lr=0.05),
    "动量": dict(lr=0.05, momentum=0.9),
    "动量 + dampening": dict(lr=0.05, momentum=0.9, dampening=0.5),
    "Nesterov": dict(lr=0.05, momentum=0.9, nesterov=True),
    "Nesterov + weight_decay": dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1),
}
results = {name: (sgd_by_hand(**cfg), sgd_torch(**cfg)) for name, cfg in configs.items()}
# 检查：每种配置、每一步，手写结果都与 torch.optim.SGD 一致
for mine, ref in results.values():
    for w_mine, w_ref in zip(mine, ref, strict=True):
        torch.testing.assert_close(w_mine, w_ref)
# 检查：第 1 步缓冲区就是梯度本身，所以动量（带不带 dampening）第 1 步和普通 SGD 一样，
# Nesterov 第 1 步走 (1 + μ)·lr·g
w1 = {name: mine[0] for name, (mine, _) in results.items()}
torch.testing.assert_close(w1["动量"], w1["SGD"])
torch.testing.assert_close(w1["动量 + dampening"], w1["SGD"])
torch.testing.assert_close(w1["Nesterov"], w0 - 0.05 * 1.9 * grad(w0, 0))
# 检查：PyTorch 不允许 Nesterov 配非零的 dampening，构造时就报错
message = ""
try:
    torch.optim.SGD([torch.zeros(3)], lr=0.05, momentum=0.9, dampening=0.5, nesterov=True)
except ValueError as err:
    message = str(err)
assert message == "Nesterov momentum requires a momentum and zero dampening"
