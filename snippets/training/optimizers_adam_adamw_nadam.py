"""手写 Adam（带 L2 的 weight_decay）、AdamW（解耦权重衰减）、NAdam，与 torch.optim 逐步对比。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

X = torch.randn(16, 3)  # 与其他代码文件相同的小线性回归
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(16)
batches = torch.arange(16).reshape(4, 4)
w0 = torch.randn(3)
steps, lr, beta1, beta2, eps, wd = 8, 0.1, 0.9, 0.999, 1e-8, 0.1


def grad(w: torch.Tensor, t: int) -> torch.Tensor:
    Xb, yb = X[batches[t % 4]], y[batches[t % 4]]
    return 2 / len(yb) * Xb.T @ (Xb @ w - yb)


def adam(decoupled: bool) -> list[torch.Tensor]:
    w, m, v, traj = w0.clone(), torch.zeros(3), torch.zeros(3), []
    for t in range(1, steps + 1):
        g = grad(w, t - 1)
        if decoupled:
            w = w - lr * wd * w  # AdamW：直接把参数缩小，不经过 m、v
        else:
            g = g + wd * w  # Adam 的 weight_decay：L2，把 λθ 加到梯度上
        m = beta1 * m + (1 - beta1) * g  # 一阶矩（梯度的指数移动平均）
        v = beta2 * v + (1 - beta2) * g**2  # 二阶矩（梯度平方的指数移动平均）
        m_hat = m / (1 - beta1**t)  # 偏差修正
        v_hat = v / (1 - beta2**t)
        w = w - lr * m_hat / (v_hat.sqrt() + eps)
        traj.append(w)
    return traj


def nadam(psi: float = 4e-3) -> list[torch.Tensor]:
    w, m, v, mu_prod, traj = w0.clone(), torch.zeros(3), torch.zeros(3), 1.0, []
    for t in range(1, steps + 1):
        g = grad(w, t - 1)
        mu_t = beta1 * (1 - 0.5 * 0.96 ** (t * psi))  # 随步数变化的动量系数
        mu_next = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
        mu_prod *= mu_t  # ∏_{i≤t} μ_i
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        # Nesterov：动量部分用“下一步”的系数 μ_{t+1}，再加上当前梯度的一份
        m_hat = mu_next * m / (1 - mu_prod * mu_next) + (1 - mu_t) * g / (1 - mu_prod)
        v_hat = v / (1 - beta2**t)
        w = w - lr * m_hat / (v_hat.sqrt() + eps)
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
    "Adam + L2": (adam(False), run_torch(lambda p: torch.optim.Adam(p, lr, weight_decay=wd))),
    "AdamW": (adam(True), run_torch(lambda p: torch.optim.AdamW(p, lr, weight_decay=wd))),
    "NAdam": (nadam(), run_torch(lambda p: torch.optim.NAdam(p, lr))),
}
gap = (pairs["Adam + L2"][0][-1] - pairs["AdamW"][0][-1]).abs().max().item()
print(f"同样 λ = {wd}，8 步后 Adam + L2 与 AdamW 的参数最多相差 {gap:.4f}")
# > 同样 λ = 0.1，8 步后 Adam + L2 与 AdamW 的参数最多相差 0.0898

# 检查：每个优化器、每一步，手写结果都与 torch.optim 一致
for mine, ref in pairs.values():
    for w_mine, w_ref in zip(mine, ref, strict=True):
        torch.testing.assert_close(w_mine, w_ref)
# 检查：两种权重衰减得到的参数不同
assert gap > 1e-3
