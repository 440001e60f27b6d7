"""掩码：softmax 之前把被屏蔽的分数设为 -inf，权重恰好为 0；因果掩码下 h_i 与 j > i 的输入无关。"""

import math

import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian

torch.manual_seed(0)

B, n, d = 2, 5, 4
X = torch.randn(B, n, d)
W_Q, W_K, W_V = (torch.randn(d, d) / math.sqrt(d) for _ in range(3))


def self_attention(X: torch.Tensor, keep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """keep 为 True 的 (查询, 键) 对参与注意力；其余分数先设为 -inf 再做 softmax。"""
    Q, K, V = X @ W_Q, X @ W_K, X @ W_V
    scores = Q @ K.transpose(-2, -1) / math.sqrt(d)
    A = F.softmax(scores.masked_fill(~keep, float("-inf")), dim=-1)
    return A @ V, A


# 1) 填充掩码：第 2 个句子只有 3 个词，后 2 个位置是补齐用的 <pad>
lengths = torch.tensor([5, 3])
key_keep = torch.arange(n) < lengths[:, None]  # (B, n)：哪些键是真实的词
pad_keep = key_keep[:, None, :]  # (B, 1, n)，对所有查询广播
H_pad, A_pad = self_attention(X, pad_keep)
print(A_pad[1, 0].tolist()[3:])
# > [0.0, 0.0]

# 2) 因果掩码：位置 i 只能看 j <= i（下三角）
causal_keep = torch.ones(n, n, dtype=torch.bool).tril()
H_causal, A_causal = self_attention(X, causal_keep)
print([[round(a, 2) for a in row] for row in A_causal[0, :3].tolist()])
# > [[1.0, 0.0, 0.0, 0.0, 0.0], [0.51, 0.49, 0.0, 0.0, 0.0], [0.56, 0.21, 0.23, 0.0, 0.0]]

# 检查 1：被屏蔽位置的权重恰好是 0（不是很小的数），每行仍然和为 1
assert (A_pad[1, :, 3:] == 0).all() and (A_causal.triu(diagonal=1) == 0).all()
torch.testing.assert_close(A_pad.sum(-1), torch.ones(B, n))
torch.testing.assert_close(A_causal.sum(-1), torch.ones(B, n))

# 检查 2：与 F.scaled_dot_product_attention 一致（它的布尔 attn_mask 里 True = 参与注意力）
Q, K, V = X @ W_Q, X @ W_K, X @ W_V
torch.testing.assert_close(H_pad, F.scaled_dot_product_attention(Q, K, V, attn_mask=pad_keep))
torch.testing.assert_close(H_causal, F.scaled_dot_product_attention(Q, K, V, is_causal=True))
# 加性的浮点掩码（被屏蔽处为 -inf，其余为 0）与布尔掩码等价
float_mask = torch.zeros(n, n).masked_fill(~causal_keep, float("-inf"))
torch.testing.assert_close(H_causal, F.scaled_dot_product_attention(Q, K, V, attn_mask=float_mask))

# 检查 3：<pad> 位置的内容随便改，真实词的输出一个比特都不变
X_junk = X.clone()
X_junk[1, 3:] = 100 * torch.randn(2, d)
torch.testing.assert_close(self_attention(X_junk, pad_keep)[0][1, :3], H_pad[1, :3], rtol=0, atol=0)

# 检查 4：因果性。用 autograd 求雅可比矩阵 J[i, :, j, :] = ∂h_i/∂x_j
J = jacobian(lambda x: self_attention(x, causal_keep)[0], X[0])  # (n, d, n, d)
block_norm = J.pow(2).sum(dim=(1, 3)).sqrt()  # (n, n)：第 i 行第 j 列是 ‖∂h_i/∂x_j‖
assert (block_norm.triu(diagonal=1) == 0).all()  # j > i：恰好为 0，看不到未来
assert (block_norm[causal_keep] > 0).all()  # j <= i：都有影响
# 不加掩码时，每个输出都依赖所有输入
J_full = jacobian(lambda x: self_attention(x, torch.ones(n, n, dtype=torch.bool))[0], X[0])
assert (J_full.pow(2).sum(dim=(1, 3)) > 0).all()

# 检查 5：如果先 softmax、再把被屏蔽的权重乘 0，每行的和就小于 1；
#         重新归一化之后才等于“softmax 之前设 -inf”的结果
A_after = F.softmax(Q @ K.transpose(-2, -1) / math.sqrt(d), dim=-1) * causal_keep
assert (A_after.sum(-1)[:, :-1] < 1).all()  # 最后一行什么都没屏蔽
torch.testing.assert_close(A_after / A_after.sum(-1, keepdim=True), A_causal)

# 检查 6：一行全被屏蔽时，softmax 是 0/0，手写实现得到 nan；
#         本站所用版本的 F.scaled_dot_product_attention 把这样的行输出成 0，
#         nn.MultiheadAttention 仍是 nan
assert torch.isnan(F.softmax(torch.full((3,), float("-inf")), dim=0)).all()
row_keep = torch.ones(n, n, dtype=torch.bool)
row_keep[0] = False  # 第 1 个查询一个键也看不到
H_none = F.scaled_dot_product_attention(Q, K, V, attn_mask=row_keep)
assert (H_none[:, 0] == 0).all() and not torch.isnan(H_none).any()
assert torch.isnan(self_attention(X, row_keep)[0][:, 0]).all()
mha = torch.nn.MultiheadAttention(d, 1, batch_first=True)
assert torch.isnan(mha(X, X, X, attn_mask=~row_keep)[0][:, 0]).all()
