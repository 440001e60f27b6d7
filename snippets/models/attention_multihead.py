"""手写多头注意力：复制 nn.MultiheadAttention 的权重后，输出、权重、掩码都一致；参数量 4d² + 4d。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

B, n, d_model, h = 2, 5, 8, 2  # 2 个句子，每句 5 个词，d_model = 8，2 个头
d_k = d_model // h  # 每个头 4 维
mha = nn.MultiheadAttention(d_model, h, batch_first=True)  # 输入形状 (B, 长度, d_model)

# in_proj_weight 是 [W_Q; W_K; W_V] 竖着拼成的 (3·d_model, d_model)，每块形状 (输出, 输入)；
# 转置成行向量写法，下面一律写 X @ W
W_Q, W_K, W_V = (W.T for W in mha.in_proj_weight.detach().chunk(3))
b_Q, b_K, b_V = mha.in_proj_bias.detach().chunk(3)
W_O, b_O = mha.out_proj.weight.detach().T, mha.out_proj.bias.detach()


def multi_head_attention(
    X_q: torch.Tensor, X_kv: torch.Tensor, keep: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """X_q: (B, L, d_model) 给出查询；X_kv: (B, S, d_model) 给出键和值；keep 为 True 处参与。"""
    B, L, _ = X_q.shape

    def split_heads(T: torch.Tensor) -> torch.Tensor:  # (B, len, d_model) -> (B, h, len, d_k)
        return T.view(B, -1, h, d_k).transpose(1, 2)

    Q = split_heads(X_q @ W_Q + b_Q)
    K = split_heads(X_kv @ W_K + b_K)
    V = split_heads(X_kv @ W_V + b_V)
    scores = Q @ K.transpose(-2, -1) / math.sqrt(d_k)  # (B, h, L, S)：每个头一个分数矩阵
    if keep is not None:
        scores = scores.masked_fill(~keep, float("-inf"))
    A = F.softmax(scores, dim=-1)
    heads = A @ V  # (B, h, L, d_k)
    # 每个头单独检查：与 F.scaled_dot_product_attention 一致
    torch.testing.assert_close(heads, F.scaled_dot_product_attention(Q, K, V, attn_mask=keep))
    concat = heads.transpose(1, 2).reshape(B, L, d_model)  # 把 h 个头拼回 d_model 维
    return concat @ W_O + b_O, A


X = torch.randn(B, n, d_model)

# 1) 自注意力，不加掩码
out, A = multi_head_attention(X, X)
out_ref, A_ref = mha(X, X, X, average_attn_weights=False)  # 返回每个头的权重 (B, h, n, n)
_, A_mean = mha(X, X, X)  # 默认 average_attn_weights=True：对头取平均 (B, n, n)
print(tuple(out.shape), tuple(A_ref.shape), tuple(A_mean.shape))
# > (2, 5, 8) (2, 2, 5, 5) (2, 5, 5)

# 检查 1：输出、每个头的注意力权重、头平均后的权重都一致
torch.testing.assert_close(out, out_ref)
torch.testing.assert_close(A, A_ref)
torch.testing.assert_close(A.mean(dim=1), A_mean)

# 检查 2：因果掩码。nn.MultiheadAttention 的布尔 attn_mask 里 True = 屏蔽，与 SDPA 相反
causal_keep = torch.ones(n, n, dtype=torch.bool).tril()
out_ref, _ = mha(X, X, X, attn_mask=~causal_keep, is_causal=True)
torch.testing.assert_close(multi_head_attention(X, X, causal_keep)[0], out_ref)

# 检查 3：填充掩码。key_padding_mask 形状 (B, S)，True = 这个键是 <pad>，忽略它
key_keep = torch.arange(n) < torch.tensor([5, 3])[:, None]
out_ref, _ = mha(X, X, X, key_padding_mask=~key_keep)
torch.testing.assert_close(multi_head_attention(X, X, key_keep[:, None, None, :])[0], out_ref)

# 检查 4：交叉注意力：查询来自 3 个位置的解码器，键、值来自 5 个位置的编码器
Y = torch.randn(B, 3, d_model)
out, A = multi_head_attention(Y, X)
out_ref, A_ref = mha(Y, X, X, average_attn_weights=False)
torch.testing.assert_close(out, out_ref)
torch.testing.assert_close(A, A_ref)
assert out.shape == (B, 3, d_model) and A.shape == (B, h, 3, n)

# 检查 5：参数量 = W_Q、W_K、W_V、W_O 四个 d×d 矩阵 + 四个 d 维偏置 = 4d² + 4d，与头数无关
for d, heads in [(8, 1), (8, 2), (8, 8), (512, 8)]:
    m = nn.MultiheadAttention(d, heads)
    assert sum(p.numel() for p in m.parameters()) == 4 * d**2 + 4 * d
assert mha.in_proj_weight.shape == (3 * d_model, d_model)
print(4 * 512**2 + 4 * 512)
# > 1050624
