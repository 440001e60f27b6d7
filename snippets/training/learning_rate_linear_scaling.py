"""线性缩放规则：k 步（批量 B、学习率 η）≈ 1 步（批量 kB、学习率 kη），只在 η 较小时成立。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
k, B, d = 8, 16, 5
X = torch.randn(k * B, d, dtype=torch.float64)  # k 个 mini-batch 拼在一起
y = X @ torch.randn(d, dtype=torch.float64) + 0.1 * torch.randn(k * B, dtype=torch.float64)
w0 = torch.zeros(d, dtype=torch.float64)


def sgd(lr: float, batches: list[tuple[torch.Tensor, torch.Tensor]]) -> torch.Tensor:
    """从 w0 出发，按顺序在每个 mini-batch 上走一步 SGD，返回最终参数。"""
    w = w0.clone().requires_grad_()
    opt = torch.optim.SGD([w], lr=lr)
    for xb, yb in batches:
        opt.zero_grad()
        F.mse_loss(xb @ w, yb).backward()
        opt.step()
    return w.detach()


small = [(X[j * B : (j + 1) * B], y[j * B : (j + 1) * B]) for j in range(k)]  # k 个小批量
rel_err = {}
for lr in (0.001, 0.01, 0.05):
    w_small = sgd(lr, small)  # k 步，批量 B，学习率 η
    w_big = sgd(k * lr, [(X, y)])  # 1 步，批量 kB，学习率 kη
    rel_err[lr] = ((w_small - w_big).norm() / (w_big - w0).norm()).item()
    print(f"η={lr}: 两种做法的相对差距 {rel_err[lr]:.4f}")
# > η=0.001: 两种做法的相对差距 0.0067
# > η=0.01: 两种做法的相对差距 0.0648
# > η=0.05: 两种做法的相对差距 0.2782

# 检查 1：η 较小时两者几乎相同（差距 < 1%）；绝对差是 O(η²)，相对于 O(η) 的位移，差距大致与 η 成正比
assert rel_err[0.001] < 0.01
assert 5 < rel_err[0.01] / rel_err[0.001] < 15
# 检查 2：η 变大后，k 步之间梯度变化明显，近似失效
assert rel_err[0.05] > 0.2
# 检查 3：kη 的一步大批量 SGD，就是 w0 - kη·(kB 个样本的平均梯度)（对照 autograd 的梯度）
w = w0.clone().requires_grad_()
F.mse_loss(X @ w, y).backward()
torch.testing.assert_close(sgd(k * 0.01, [(X, y)]), w0 - k * 0.01 * w.grad)
