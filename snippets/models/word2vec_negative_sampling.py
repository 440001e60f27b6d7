"""负采样（SGNS）：损失 = K+1 个二分类的交叉熵，等于 F.binary_cross_entropy_with_logits；
手推梯度对照 autograd；一步更新只碰 K+1 行输出向量，之后正例概率升高、负例概率降低。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
V, d, K = 20, 8, 5
W_in = (0.5 * torch.randn(V, d)).requires_grad_()  # 输入向量 v
W_out = (0.5 * torch.randn(V, d)).requires_grad_()  # 输出向量 u
c, o = 3, 7  # 中心词、真实的上下文词（正例）
neg = torch.tensor([1, 12, 15, 4, 18])  # K 个负例（噪声词），通常从 P_n(w) ∝ f(w)^0.75 中抽取


def sgns_loss(W_in: torch.Tensor, W_out: torch.Tensor) -> torch.Tensor:
    """-log σ(u_o·v_c) - Σ_k log σ(-u_k·v_c)。"""
    v = W_in[c]
    return -F.logsigmoid(W_out[o] @ v) - F.logsigmoid(-(W_out[neg] @ v)).sum()


def probs(W_in: torch.Tensor, W_out: torch.Tensor) -> tuple[float, float]:
    """σ(u_o·v_c)：模型认为正例“是真实上下文”的概率；负例取平均。"""
    with torch.no_grad():
        v = W_in[c]
        return torch.sigmoid(W_out[o] @ v).item(), torch.sigmoid(W_out[neg] @ v).mean().item()


loss = sgns_loss(W_in, W_out)
loss.backward()
p_pos, p_neg = probs(W_in, W_out)

# 一步梯度下降
lr = 0.5
with torch.no_grad():
    W_in_new, W_out_new = W_in - lr * W_in.grad, W_out - lr * W_out.grad
p_pos_new, p_neg_new = probs(W_in_new, W_out_new)
print(f"正例概率 {p_pos:.3f} → {p_pos_new:.3f}，负例平均概率 {p_neg:.3f} → {p_neg_new:.3f}")
# > 正例概率 0.476 → 0.662，负例平均概率 0.459 → 0.313

# 检查 1：等于 K+1 个二分类（标签 1 个正例、K 个负例）的 BCE 之和
v = W_in[c].detach()
logits = torch.cat([W_out[o : o + 1].detach() @ v, W_out[neg].detach() @ v])  # (K+1,)
labels = torch.tensor([1.0] + [0.0] * K)
bce = F.binary_cross_entropy_with_logits(logits, labels, reduction="sum")
torch.testing.assert_close(loss.detach(), bce)

# 检查 2：手推梯度与 autograd 一致
s_pos, s_neg = torch.sigmoid(logits[0]), torch.sigmoid(logits[1:])
U = W_out.detach()
g_v = (s_pos - 1) * U[o] + (s_neg[:, None] * U[neg]).sum(dim=0)  # ∂L/∂v_c
torch.testing.assert_close(W_in.grad[c], g_v)
torch.testing.assert_close(W_out.grad[o], (s_pos - 1) * v)  # ∂L/∂u_o
torch.testing.assert_close(W_out.grad[neg], s_neg[:, None] * v)  # ∂L/∂u_k

# 检查 3：只有 K+1 行输出向量、1 行输入向量有梯度（完整 softmax 是全部 V 行）
assert int((W_out.grad.abs().sum(dim=1) > 0).sum()) == K + 1
assert int((W_in.grad.abs().sum(dim=1) > 0).sum()) == 1

# 检查 4：更新后正例的 σ 变大（推向 1），每个负例的 σ 变小（推向 0）
with torch.no_grad():
    assert torch.sigmoid(W_out_new[o] @ W_in_new[c]) > torch.sigmoid(W_out[o] @ W_in[c])
    assert (torch.sigmoid(W_out_new[neg] @ W_in_new[c]) < torch.sigmoid(W_out[neg] @ v)).all()
