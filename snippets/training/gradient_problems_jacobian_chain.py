"""反向传播 = 雅可比矩阵连乘：∂L/∂h_1 = ∂L/∂h_L · J_L ⋯ J_2，
所以梯度的范数受每层雅可比矩阵范数之积控制。"""

import math

import torch

torch.manual_seed(0)

L, n = 6, 8  # 6 层，每层 8 个单元
Ws = [torch.randn(n, n, dtype=torch.float64) / n**0.5 for _ in range(L)]
bs = [torch.randn(n, dtype=torch.float64) * 0.1 for _ in range(L)]
x = torch.randn(n, dtype=torch.float64)


def layer(k: int, h: torch.Tensor) -> torch.Tensor:
    """第 k 层（下标从 0 开始）：h = tanh(W h_prev + b)。"""
    return torch.tanh(Ws[k] @ h + bs[k])


# 前向：hs[0] 是 h_1，hs[-1] 是 h_L
hs = [layer(0, x).requires_grad_()]
for k in range(1, L):
    hs.append(layer(k, hs[-1]))
loss = 0.5 * hs[-1].pow(2).sum()
(grad_h1,) = torch.autograd.grad(loss, hs[0])

# 手推：J_l = ∂h_l/∂h_{l-1} = diag(1 - h_l²) W_l
Js = [torch.diag(1 - hs[k].detach() ** 2) @ Ws[k] for k in range(1, L)]
g = hs[-1].detach()  # ∂L/∂h_L = h_L
grad_norms = [g.norm().item()]
for J in reversed(Js):  # 从输出往输入乘：g ← g · J_l
    g = g @ J
    grad_norms.append(g.norm().item())
print([round(v, 3) for v in grad_norms])  # ‖∂L/∂h_L‖, ‖∂L/∂h_{L-1}‖, …, ‖∂L/∂h_1‖
# > [0.601, 0.626, 0.752, 0.724, 0.387, 0.219]

# 检查：每个手推的 J_l 与 torch.autograd.functional.jacobian 一致
for k in range(1, L):
    J_auto = torch.autograd.functional.jacobian(lambda h, k=k: layer(k, h), hs[k - 1].detach())
    torch.testing.assert_close(Js[k - 1], J_auto)
# 检查：雅可比矩阵连乘的结果就是自动求导得到的 ∂L/∂h_1
torch.testing.assert_close(g, grad_h1)
# 检查：‖∂L/∂h_1‖ ≤ ‖∂L/∂h_L‖ · Π‖J_l‖₂（谱范数），范数的行为像一个乘积
bound = grad_norms[0] * math.prod(torch.linalg.matrix_norm(J, 2).item() for J in Js)
assert grad_norms[-1] <= bound
