"""解码器层 = 掩码自注意力 + 交叉注意力 + FFN；位置 t 的输出看不到 t 之后的目标词元。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, S, T, d, h, d_ff = 2, 7, 5, 16, 4, 32  # S：源序列长度，T：目标序列长度
d_k = d // h


def mha(x: torch.Tensor, mem: torch.Tensor, p: dict, name: str, mask=None) -> torch.Tensor:
    """多头注意力：Q 来自 x，K、V 来自 mem（自注意力时 mem 就是 x）。"""
    W_q, W_k, W_v = p[f"{name}.in_proj_weight"].chunk(3)
    b_q, b_k, b_v = p[f"{name}.in_proj_bias"].chunk(3)

    def split(z: torch.Tensor) -> torch.Tensor:  # (B, n, d) -> (B, h, n, d_k)
        return z.view(B, -1, h, d_k).transpose(1, 2)

    Q, K, V = split(x @ W_q.T + b_q), split(mem @ W_k.T + b_k), split(mem @ W_v.T + b_v)
    scores = Q @ K.transpose(-2, -1) / d_k**0.5  # (B, h, T, n)
    if mask is not None:
        scores = scores + mask  # 被遮住的位置加 -inf，softmax 之后权重为 0
    heads = (torch.softmax(scores, dim=-1) @ V).transpose(1, 2).reshape(B, -1, d)
    return heads @ p[f"{name}.out_proj.weight"].T + p[f"{name}.out_proj.bias"]


def decoder_layer(y: torch.Tensor, memory: torch.Tensor, p: dict, mask: torch.Tensor):
    def ln(z: torch.Tensor, n: int) -> torch.Tensor:
        return F.layer_norm(z, (d,), p[f"norm{n}.weight"], p[f"norm{n}.bias"])

    y = ln(y + mha(y, y, p, "self_attn", mask), 1)  # 1) 掩码自注意力
    y = ln(y + mha(y, memory, p, "multihead_attn"), 2)  # 2) 交叉注意力：K、V 来自编码器
    H = F.relu(y @ p["linear1.weight"].T + p["linear1.bias"])
    return ln(y + H @ p["linear2.weight"].T + p["linear2.bias"], 3)  # 3) FFN


# 因果掩码：对角线以上（未来位置）为 -inf，其余为 0
mask = nn.Transformer.generate_square_subsequent_mask(T)
print(mask[:3, :3].tolist())
# > [[0.0, -inf, -inf], [0.0, 0.0, -inf], [0.0, 0.0, 0.0]]

layer = nn.TransformerDecoderLayer(d, h, d_ff, dropout=0.0, batch_first=True)
p = {k: v.detach().clone() for k, v in layer.state_dict().items()}  # 复制权重
tgt, memory = torch.randn(B, T, d), torch.randn(B, S, d)  # memory：编码器的输出
Y = layer(tgt, memory, tgt_mask=mask)

# 改动第 t 个位置之后的目标词元，再算一遍
t = 2
tgt2 = tgt.clone()
tgt2[:, t + 1 :] = torch.randn(B, T - t - 1, d)
Y2 = layer(tgt2, memory, tgt_mask=mask)
Y2_no_mask = layer(tgt2, memory)

# 检查 1：掩码 = 严格上三角为 -inf、其余为 0
torch.testing.assert_close(mask, torch.full((T, T), float("-inf")).triu(1))
# 检查 2：手写解码器层与 nn.TransformerDecoderLayer 一致
torch.testing.assert_close(decoder_layer(tgt, memory, p, mask), Y)
# 检查 3：有掩码时，位置 0..t 的输出不受未来词元影响；去掉掩码就受影响了
torch.testing.assert_close(Y2[:, : t + 1], Y[:, : t + 1])
assert not torch.allclose(Y2_no_mask[:, : t + 1], Y[:, : t + 1])
# 检查 4：交叉注意力不加掩码，每个目标位置都能看到整个源序列（改源序列最后一个位置，所有输出都变）
memory2 = memory.clone()
memory2[:, -1] += 1.0
changed = (layer(tgt, memory2, tgt_mask=mask) - Y).abs().amax(dim=-1)  # (B, T)
assert (changed > 1e-4).all()
# 检查 5：布尔掩码（True = 不许看）与 -inf 浮点掩码等价
bool_mask = torch.ones(T, T, dtype=torch.bool).triu(1)
torch.testing.assert_close(layer(tgt, memory, tgt_mask=bool_mask), Y)
# 检查 6：F.scaled_dot_product_attention 的布尔掩码含义相反，True = 可以看
q, k, v = torch.randn(3, 1, h, T, d_k).unbind(0)
causal = F.scaled_dot_product_attention(q, k, v, is_causal=True)
torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v, attn_mask=~bool_mask), causal)
torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v, attn_mask=mask), causal)
