"""L1 惩罚 λ‖w‖₁ 的（次）梯度是 λ·sign(w)，L2 惩罚 (λ/2)‖w‖₂² 的梯度是 λw：对照 autograd。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
X, y = torch.randn(8, 4), torch.randn(8)
w = torch.tensor([1.5, -0.3, 0.0, 2.0], requires_grad=True)  # 故意放一个恰好为 0 的分量
lam = 0.1

data_loss = F.mse_loss(X @ w, y)  # 原始损失 L(w)
l1 = lam * w.abs().sum()  # λ‖w‖₁
l2 = lam / 2 * w.pow(2).sum()  # (λ/2)‖w‖₂²，乘 1/2 是为了让梯度干净

(g_data,) = torch.autograd.grad(data_loss, w, retain_graph=True)
(g_l1_total,) = torch.autograd.grad(data_loss + l1, w, retain_graph=True)
(g_l2_total,) = torch.autograd.grad(data_loss + l2, w)
print([round(v, 2) for v in (g_l1_total - g_data).tolist()])
print([round(v, 3) for v in (g_l2_total - g_data).tolist()])
# > [0.1, -0.1, 0.0, 0.1]
# > [0.15, -0.03, 0.0, 0.2]

# 检查 1：惩罚项与 torch.linalg.vector_norm 一致
torch.testing.assert_close(l1, lam * torch.linalg.vector_norm(w, ord=1))
torch.testing.assert_close(l2, lam / 2 * torch.linalg.vector_norm(w, ord=2) ** 2)
# 检查 2：加了惩罚之后，梯度只多出 λ·sign(w)（L1）或 λw（L2）
torch.testing.assert_close(g_l1_total, g_data + lam * torch.sign(w.detach()))
torch.testing.assert_close(g_l2_total, g_data + lam * w.detach())
# 检查 3：|w| 在 0 处不可导，次梯度是区间 [-λ, λ]；autograd 取其中的 0（sign(0) = 0）
assert (g_l1_total - g_data)[2].item() == 0.0
