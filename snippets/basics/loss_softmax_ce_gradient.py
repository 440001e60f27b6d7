"""Softmax + 交叉熵对 logits 的梯度是 p − y：按链式法则把 ∂L/∂p 乘上 Softmax 的雅可比矩阵，
得到的就是化简后的 p − y，与 autograd 一致；批量取平均再除以 N；软标签 q 时是 p − q。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
K = 5
z = torch.randn(K, dtype=torch.float64)  # 一个样本的 logits
y = 2
e_y = F.one_hot(torch.tensor(y), K).double()  # 独热标签
p = F.softmax(z, dim=0)

# 链式法则，分两步：∂L/∂p_i = −y_i / p_i，∂p_i/∂z_j = p_i(δ_ij − p_j)
dL_dp = -e_y / p
J = torch.diag(p) - torch.outer(p, p)
grad_chain = J.T @ dL_dp
grad_simple = p - e_y  # 化简后的结果
print(grad_simple.round(decimals=4).tolist())
# > [0.6118, 0.0977, -0.9852, 0.2313, 0.0443]


def ce_grad(logits: torch.Tensor, target: torch.Tensor, **kwargs) -> torch.Tensor:
    logits = logits.clone().requires_grad_()
    (g,) = torch.autograd.grad(F.cross_entropy(logits, target, **kwargs), logits)
    return g


# 一个批次：损失取平均，梯度就多一个 1/N
N = 8
Z = torch.randn(N, K, dtype=torch.float64)
Y_idx = torch.randint(0, K, (N,))
P, Y = F.softmax(Z, dim=1), F.one_hot(Y_idx, K).double()
Q = F.softmax(torch.randn(N, K, dtype=torch.float64), dim=1)  # 软标签，每行和为 1

# 检查：链式法则的结果 = p − y = autograd
torch.testing.assert_close(grad_chain, grad_simple)
torch.testing.assert_close(ce_grad(z[None], torch.tensor([y]))[0], grad_simple)
# 检查：批量平均时梯度是 (P − Y)/N；求和时是 P − Y；软标签时是 (P − Q)/N
torch.testing.assert_close(ce_grad(Z, Y_idx), (P - Y) / N)
torch.testing.assert_close(ce_grad(Z, Y_idx, reduction="sum"), P - Y)
torch.testing.assert_close(ce_grad(Z, Q), (P - Q) / N)
# 检查：每个样本的梯度分量和为 0；真实类别那一项在 (−1, 0)，其余在 (0, 1)
torch.testing.assert_close(grad_simple.sum(), torch.tensor(0.0, dtype=torch.float64))
assert -1 < grad_simple[y] < 0 and ((grad_simple > 0) == (e_y == 0)).all()
