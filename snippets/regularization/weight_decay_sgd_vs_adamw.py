"""权重衰减与 L2 正则：对 SGD 是同一件事，θ ← θ - lr(g + λθ) = (1 - lr·λ)θ - lr·g；
对 Adam 不是：Adam 的 weight_decay 就是把 L2 加进梯度，
AdamW 则先把参数乘以 (1 - lr·λ)，再只用数据梯度做 Adam 更新。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
X, y = torch.randn(16, 3), torch.randn(16)
theta0 = torch.randn(3)
lr, lam, steps = 0.05, 0.1, 5


def run(opt_class, l2_in_loss: float = 0.0, **kwargs) -> torch.Tensor:
    theta = theta0.clone().requires_grad_()
    opt = opt_class([theta], lr=lr, **kwargs)
    for _ in range(steps):
        opt.zero_grad()
        (F.mse_loss(X @ theta, y) + l2_in_loss / 2 * theta.pow(2).sum()).backward()
        opt.step()
    return theta.detach()


def grad(theta: torch.Tensor) -> torch.Tensor:
    """F.mse_loss(Xθ, y) 对 θ 的梯度（不含正则项）。"""
    return 2 / len(y) * X.T @ (X @ theta - y)


# 手写 SGD 的权重衰减：先缩小，再走数据梯度
theta = theta0.clone()
for _ in range(steps):
    theta = (1 - lr * lam) * theta - lr * grad(theta)
sgd_by_hand = theta

# 带动量时：解耦的衰减（AdamW 论文里的 SGDW）只让数据梯度进入动量缓冲区
mu = 0.9
theta, buf = theta0.clone(), torch.zeros(3)
for _ in range(steps):
    buf = mu * buf + grad(theta)
    theta = theta - lr * buf - lr * lam * theta
sgdw_by_hand = theta

# 手写 AdamW（PyTorch 的写法）：θ ← θ(1 - lr·λ)，然后只用数据梯度做 Adam 更新
beta1, beta2, eps = 0.9, 0.999, 1e-8
theta, m, v = theta0.clone(), torch.zeros(3), torch.zeros(3)
for t in range(1, steps + 1):
    g = grad(theta)  # 注意：在衰减之前的 θ 上求梯度
    theta = theta * (1 - lr * lam)
    m, v = beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    theta = theta - lr * m_hat / (v_hat.sqrt() + eps)
adamw_by_hand = theta

# 检查 1：SGD 的 weight_decay = 损失里加 (λ/2)‖θ‖² = 手写的 (1 - lr·λ)θ - lr·g
torch.testing.assert_close(run(torch.optim.SGD, weight_decay=lam), sgd_by_hand)
torch.testing.assert_close(run(torch.optim.SGD, l2_in_loss=lam), sgd_by_hand)
# 检查 2：带动量时，SGD 的 weight_decay 仍等于损失里的 L2（λθ 进入动量缓冲区），与 SGDW 不同
sgd_mom_wd = run(torch.optim.SGD, momentum=mu, weight_decay=lam)
torch.testing.assert_close(sgd_mom_wd, run(torch.optim.SGD, momentum=mu, l2_in_loss=lam))
assert (sgd_mom_wd - sgdw_by_hand).abs().max() > 1e-3
# 检查 3：Adam 的 weight_decay = 损失里加 (λ/2)‖θ‖²（L2 正则，会被 √v̂ 除）
adam_l2 = run(torch.optim.Adam, weight_decay=lam)
torch.testing.assert_close(adam_l2, run(torch.optim.Adam, l2_in_loss=lam))
# 检查 4：AdamW 与手写的“先衰减、再 Adam”一致，而与 Adam + L2 不同
torch.testing.assert_close(run(torch.optim.AdamW, weight_decay=lam), adamw_by_hand)
assert (adamw_by_hand - adam_l2).abs().max() > 1e-3
# 检查 5：新版本的 Adam 传入 decoupled_weight_decay=True 后就是 AdamW，逐位相同
adam_decoupled = run(torch.optim.Adam, weight_decay=lam, decoupled_weight_decay=True)
assert torch.equal(adam_decoupled, run(torch.optim.AdamW, weight_decay=lam))
# 检查 6：其余优化器。默认的 weight_decay 都是 L2（与损失里加 (λ/2)‖θ‖² 一致）；
# 对自适应方法这一条有区分度，解耦的衰减会让结果不同
for opt_class in [
    torch.optim.RMSprop,
    torch.optim.Adagrad,
    torch.optim.Adamax,
    torch.optim.Adadelta,
    torch.optim.ASGD,
    torch.optim.NAdam,
    torch.optim.RAdam,
]:
    torch.testing.assert_close(
        run(opt_class, weight_decay=lam), run(opt_class, l2_in_loss=lam), msg=opt_class.__name__
    )
# 检查 7：Adafactor、Muon 是解耦的衰减：数据梯度为 0 时，一步恰好把参数乘以 1 - lr·λ；
# Adam + L2 在同样情形下走的是被 √v̂ 归一化后的一步，与 1 - lr·λ 差得远
W0 = torch.randn(4, 3)  # Muon 只接受矩阵形状的参数
for opt_class in [torch.optim.Adafactor, torch.optim.Muon, torch.optim.Adam]:
    W = W0.clone().requires_grad_()
    opt = opt_class([W], lr=lr, weight_decay=lam)
    W.grad = torch.zeros_like(W)
    opt.step()
    decoupled = torch.allclose(W.detach(), (1 - lr * lam) * W0, rtol=1e-12, atol=0)
    assert decoupled == (opt_class is not torch.optim.Adam), opt_class.__name__
# 检查 8：默认值：AdamW 0.01、Muon 0.1（不传也会衰减），Adam、Adafactor 是 0
defaults = {
    cls.__name__: cls([torch.zeros(2, 2, requires_grad=True)]).defaults["weight_decay"]
    for cls in [torch.optim.AdamW, torch.optim.Muon, torch.optim.Adam, torch.optim.Adafactor]
}
assert defaults == {"AdamW": 0.01, "Muon": 0.1, "Adam": 0, "Adafactor": 0.0}
