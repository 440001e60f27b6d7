"""软注意力 = 硬注意力输出的期望，可以直接求导；硬注意力采样一个位置，梯度要靠 REINFORCE 估计。"""

import torch
import torch.nn.functional as F
from torch.distributions import Categorical

torch.manual_seed(0)

n, d = 4, 3
X = torch.randn(n, d)  # n 个输入
s = torch.randn(n, requires_grad=True)  # 打分函数给出的分数（其上游参数要靠梯度学习）
w = torch.randn(d)


def f(x: torch.Tensor) -> torch.Tensor:
    """下游用注意力输出算出的一个标量（相当于损失或奖励），是非线性的。"""
    return torch.tanh(x @ w) ** 2


alpha = F.softmax(s, dim=0)

# 软注意力：对全部 n 个输入加权平均，输出是 s 的可导函数
soft = alpha @ X
(grad_soft,) = torch.autograd.grad(f(soft), s, retain_graph=True)  # alpha 的计算图后面还要用

# 硬注意力：按 alpha 采样一个位置 z，只取 x_z；z 是整数，采样这一步没有梯度
dist = Categorical(logits=s)
z = dist.sample((20000,))  # 抽 20000 次
hard = X[z]  # (20000, d)
print(z.dtype, hard.requires_grad)
# > torch.int64 False

# 硬注意力的目标是期望 E_z[f(x_z)] = sum_i alpha_i f(x_i)；精确梯度由 autograd 给出
(grad_exact,) = torch.autograd.grad(alpha @ f(X), s)
# REINFORCE（得分函数估计）：E_z[f(x_z) · ∇ log alpha_z]，用采样平均代替期望
surrogate = (f(hard) * dist.log_prob(z)).mean()
(grad_reinforce,) = torch.autograd.grad(surrogate, s)
print([round(g, 3) for g in grad_exact.tolist()])
print([round(g, 3) for g in grad_reinforce.tolist()])
# > [0.029, 0.005, 0.011, -0.045]
# > [0.027, 0.005, 0.012, -0.045]

# 检查 1：软注意力的输出 = 硬注意力输出 x_z 的期望（采样平均与精确值一致）
torch.testing.assert_close(hard.mean(dim=0), soft.detach(), atol=0.03, rtol=0)
# 检查 2：软注意力有非零梯度；硬注意力的输出与 s 没有计算图连接
assert grad_soft.abs().sum() > 0 and hard.grad_fn is None
# 检查 3：REINFORCE 恒等式精确成立：sum_i alpha_i f(x_i) ∇ log alpha_i = ∇ sum_i alpha_i f(x_i)
idx = torch.arange(n)
(grad_identity,) = torch.autograd.grad(
    (alpha.detach() * f(X) * Categorical(logits=s).log_prob(idx)).sum(), s
)
torch.testing.assert_close(grad_identity, grad_exact)
# 检查 4：采样估计接近精确梯度（估计有方差：20000 个样本时相对误差在 10% 以内）
assert (grad_reinforce - grad_exact).norm() < 0.1 * grad_exact.norm()
# 检查 5：f 非线性时 f(软注意力输出) ≠ E_z[f(x_z)]：软注意力优化的目标与硬注意力并不相同
assert abs(f(soft) - alpha @ f(X)) > 0.01
