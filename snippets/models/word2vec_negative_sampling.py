"""负采样（SGNS）：损失 = K+1 个二分类的交叉熵，等于 F.binary_cross_entropy_with_logits；
手推梯度对照 autograd；一步更新只碰 K+1 行输出向量，之后正例概率升高、负例概率降低。"""

import math

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

# 检查 5（Levy 与 Goldberg 2014）：维度足够时每个 u_w·v_c 可以自由取值。记 #(c, w) 为中心词 c 与
# 上下文词 w 的共现次数，#(c) 为 c 作中心词的次数；负例 w 从 P_n(w) 中抽，SGNS 的期望目标
#   Σ #(c,w)·log σ(x_cw) + K·#(c)·P_n(w)·log σ(-x_cw)
# 在 x_cw = log[#(c,w) / (#(c)·P_n(w))] - log K 处取最优。负例按一元分布抽时 P_n(w) = #(w)/D，
# 这就是 PMI(w, c) - log K；按 3/4 次方抽时，PMI 里被抽样的那一方的 P(w) 换成了平滑后的 P_n(w)
counts = torch.randint(1, 30, (4, 6), dtype=torch.float64)  # #(c, w)：4 个中心词 × 6 个上下文词
counts *= torch.tensor([1.0, 2, 4, 8, 16, 32])  # 让上下文词的频率相差悬殊
n_c, n_w, D = counts.sum(1, keepdim=True), counts.sum(0, keepdim=True), counts.sum()
pmi = torch.log(counts * D / (n_c * n_w))


def sgns_optimum(P_n: torch.Tensor) -> torch.Tensor:
    """每个 (c, w) 一个自由的分数 x_cw，用 L-BFGS 数值最大化 SGNS 的期望目标。"""
    x = torch.zeros_like(counts, requires_grad=True)
    lbfgs = torch.optim.LBFGS([x], max_iter=200, tolerance_grad=1e-12, tolerance_change=0)

    def closure() -> torch.Tensor:
        lbfgs.zero_grad()
        obj = -(counts * F.logsigmoid(x) + K * n_c * P_n * F.logsigmoid(-x)).sum()
        obj.backward()
        return obj

    lbfgs.step(closure)
    return x.detach()


for alpha in (1.0, 0.75):
    P_n = n_w**alpha / (n_w**alpha).sum()  # 噪声分布只作用在被抽样的上下文词 w 上
    x_opt = sgns_optimum(P_n)
    torch.testing.assert_close(x_opt, torch.log(counts / (n_c * P_n)) - math.log(K))
    if alpha == 1.0:
        torch.testing.assert_close(x_opt, pmi - math.log(K))  # 平移过的 PMI
    else:
        assert (x_opt - (pmi - math.log(K))).abs().max() > 0.3  # 平滑后不再是原来的 PMI
# σ(x) 不是条件概率：对同一个中心词 c，σ(x_cw) 在所有上下文词 w 上的和随 c 而变，不是恒为 1
row_sums = torch.sigmoid(x_opt).sum(dim=1)
assert row_sums.max() - row_sums.min() > 0.3
