"""激活函数单调并不保证单层模型的损失是凸的：
sigmoid + 均方误差就不是凸的，sigmoid + 交叉熵才是。"""

import torch
import torch.nn.functional as F

# 单个样本 x = 1、标签 y = 1，单层模型 ŷ = σ(w x)，把损失看成 w 的函数
w = torch.linspace(-6, 6, 121, dtype=torch.float64)


def second_derivative(loss_fn, w: torch.Tensor) -> torch.Tensor:
    w = w.clone().requires_grad_()
    (g,) = torch.autograd.grad(loss_fn(w).sum(), w, create_graph=True)
    (h,) = torch.autograd.grad(g.sum(), w)
    return h


def mse(w: torch.Tensor) -> torch.Tensor:
    return (torch.sigmoid(w) - 1.0) ** 2


def bce(w: torch.Tensor) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(w, torch.ones_like(w), reduction="none")


h_mse, h_bce = second_derivative(mse, w), second_derivative(bce, w)
print(f"{h_mse.min().item():.4f} {h_bce.min().item():.6f}")
# > -0.1201 0.002467

s = torch.sigmoid(w)
# 检查：sigmoid 单调递增，但 sigmoid + MSE 的二阶导有负值（不是凸函数）
assert (s.diff() > 0).all()
assert (h_mse < 0).any()
# 检查：手推 L'' = -2 σ (1-σ)^2 (1-3σ)，在 σ < 1/3（w < -ln 2）处为负
torch.testing.assert_close(h_mse, -2 * s * (1 - s) ** 2 * (1 - 3 * s))
assert torch.equal(h_mse < 0, w < -torch.log(torch.tensor(2.0)))
# 检查：sigmoid + 交叉熵 -ln σ(w) 的二阶导 σ(w)(1 - σ(w)) 处处为正
torch.testing.assert_close(h_bce, s * (1 - s))
assert (h_bce > 0).all()
