"""Bahdanau（加性）注意力的一步：手写公式与 nn.Linear 实现一致，α 是分布，c_t 是 h_j 的凸组合。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, T, d_s, d_h, d_a = 2, 5, 6, 8, 7  # 批大小、源长度、解码器状态、注释向量、注意力维度

s_prev = torch.randn(B, d_s)  # 解码器上一步的状态 s_{t-1}（查询）
h = torch.randn(B, T, d_h)  # 编码器各位置的注释向量 h_j（双向时 d_h = 2H）
W, U, v = torch.randn(d_a, d_s), torch.randn(d_a, d_h), torch.randn(d_a)

# 手写：e_tj = vᵀ tanh(W s_{t-1} + U h_j)，α_tj = softmax_j(e_tj)，c_t = Σ_j α_tj h_j
e = torch.tanh((s_prev @ W.T)[:, None, :] + h @ U.T) @ v  # (B, T)
alpha = torch.exp(e) / torch.exp(e).sum(dim=1, keepdim=True)
c = (alpha[:, :, None] * h).sum(dim=1)  # (B, d_h)


class AdditiveAttention(nn.Module):
    def __init__(self, d_s: int, d_h: int, d_a: int) -> None:
        super().__init__()
        self.W = nn.Linear(d_s, d_a, bias=False)
        self.U = nn.Linear(d_h, d_a, bias=False)
        self.v = nn.Linear(d_a, 1, bias=False)

    def forward(self, s_prev: torch.Tensor, h: torch.Tensor, mask: torch.Tensor | None = None):
        e = self.v(torch.tanh(self.W(s_prev)[:, None, :] + self.U(h))).squeeze(-1)  # (B, T)
        if mask is not None:
            e = e.masked_fill(~mask, float("-inf"))  # 填充位置不参与 softmax
        alpha = F.softmax(e, dim=-1)
        return torch.bmm(alpha[:, None, :], h).squeeze(1), alpha, e


attn = AdditiveAttention(d_s, d_h, d_a)
with torch.no_grad():
    attn.W.weight.copy_(W)
    attn.U.weight.copy_(U)
    attn.v.weight.copy_(v[None])
c_mod, alpha_mod, e_mod = attn(s_prev, h)
print(tuple(e.shape), tuple(alpha.shape), tuple(c.shape))
# > (2, 5) (2, 5) (2, 8)

# 检查 1：手写公式与 nn.Linear 实现的打分、权重、上下文向量都一致
torch.testing.assert_close(e_mod, e)
torch.testing.assert_close(alpha_mod, alpha)
torch.testing.assert_close(c_mod, c)
# 检查 2：对每个 t，α_t· 非负且和为 1
assert (alpha > 0).all()
torch.testing.assert_close(alpha.sum(dim=1), torch.ones(B))
# 检查 3：c_t 是 h_j 的凸组合：每一维都落在各 h_j 该维的最小值与最大值之间
assert ((c >= h.min(dim=1).values) & (c <= h.max(dim=1).values)).all()
# 检查 4：给所有打分加同一个常数（相当于 v 那层带偏置），α 不变：所以 v 不需要偏置
torch.testing.assert_close(F.softmax(e + 3.0, dim=1), alpha)
# 检查 5：参数量 d_a·(d_s + d_h + 1)，与源序列长度 T 无关
assert sum(p.numel() for p in attn.parameters()) == d_a * (d_s + d_h + 1) == 105

# 检查 6：批里第 2 个源序列只有 3 个真实词，后 2 个是填充：加掩码后填充处 α = 0，
#         结果与只拿前 3 个位置单独算完全一样
mask = torch.tensor([[True] * 5, [True] * 3 + [False] * 2])
c_m, alpha_m, _ = attn(s_prev, h, mask)
assert (alpha_m[1, 3:] == 0).all()
c_short, alpha_short, _ = attn(s_prev[1:], h[1:, :3])
torch.testing.assert_close(alpha_m[1, :3], alpha_short[0])
torch.testing.assert_close(c_m[1], c_short[0])

# 检查 7：解码 4 步，把每步的 α 排成一行，得到 4×5 的对齐矩阵（目标位置 × 源位置），每行和为 1
s_all = torch.randn(4, d_s)  # 4 个解码步的 s_{t-1}（同一个源序列）
_, A, _ = attn(s_all, h[:1].expand(4, T, d_h))
assert A.shape == (4, T)
torch.testing.assert_close(A.sum(dim=1), torch.ones(4))
