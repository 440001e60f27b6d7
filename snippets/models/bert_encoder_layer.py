"""BERT 的编码层：Post-LN，前馈层用 GELU；手写版与 nn.TransformerEncoderLayer 一致。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
H, A, d_ff = 16, 4, 64  # 隐藏维度、注意力头数、前馈层维度（BERT 取 4H）
d = H // A  # 每个头的维度
# BERT：Post-LN（norm_first=False）、GELU、LN 的 eps=1e-12、Dropout 0.1
layer = nn.TransformerEncoderLayer(
    H,
    A,
    d_ff,
    dropout=0.1,
    activation="gelu",
    norm_first=False,
    layer_norm_eps=1e-12,
    batch_first=True,
)
layer.eval()  # 关掉 Dropout，比较确定的输出
X = torch.randn(2, 5, H)  # (批, 序列长, H)


def multi_head_attention(X: torch.Tensor) -> torch.Tensor:
    attn = layer.self_attn
    Wq, Wk, Wv = attn.in_proj_weight.chunk(3)  # PyTorch 把 Q、K、V 的投影存在一个矩阵里
    bq, bk, bv = attn.in_proj_bias.chunk(3)
    B, T, _ = X.shape

    def split(Z: torch.Tensor) -> torch.Tensor:  # (B, T, H) -> (B, A, T, d)
        return Z.view(B, T, A, d).transpose(1, 2)

    Q, K, Vv = split(X @ Wq.T + bq), split(X @ Wk.T + bk), split(X @ Wv.T + bv)
    weights = F.softmax(Q @ K.transpose(-2, -1) / math.sqrt(d), dim=-1)  # 每个词看所有词
    context = (weights @ Vv).transpose(1, 2).reshape(B, T, H)  # 拼接各头
    return attn.out_proj(context)


def bert_layer(X: torch.Tensor) -> torch.Tensor:
    h = layer.norm1(X + multi_head_attention(X))  # 子层 1：注意力 → 残差 → LN
    ffn = layer.linear2(F.gelu(layer.linear1(h)))  # 子层 2：H→4H → GELU → 4H→H
    return layer.norm2(h + ffn)  # 残差 → LN


out = bert_layer(X)
n_params = sum(p.numel() for p in layer.parameters())
print(tuple(out.shape), n_params)
# > (2, 5, 16) 3280

# 检查 1：手写的 Post-LN + GELU 编码层与 PyTorch 完全一致
torch.testing.assert_close(out, layer(X))
# 检查 2：一层的参数量 = 注意力 4H²+4H + 前馈 2·H·4H+4H+H + 两个 LN 4H = 12H² + 13H
assert n_params == (4 * H * H + 4 * H) + (2 * H * d_ff + d_ff + H) + 4 * H == 12 * H * H + 13 * H
# 检查 3：nn.TransformerEncoderLayer 默认用 ReLU（同原始 Transformer），搭 BERT 要传 "gelu"
default = nn.TransformerEncoderLayer(H, A, d_ff, batch_first=True)
assert default.activation is F.relu and layer.activation is F.gelu
#         换成 ReLU（权重相同）输出就变了：GELU 在负半轴不是 0
h = layer.norm1(X + multi_head_attention(X))
relu_out = layer.norm2(h + layer.linear2(F.relu(layer.linear1(h))))
assert not torch.allclose(relu_out, out, atol=1e-3)
# 检查 4：BERT 是 Post-LN；同样的权重放进 Pre-LN 结构（x + Sublayer(LN(x))），结果不同
pre_ln = nn.TransformerEncoderLayer(
    H, A, d_ff, activation="gelu", norm_first=True, layer_norm_eps=1e-12, batch_first=True
).eval()
pre_ln.load_state_dict(layer.state_dict())  # 参数名和形状完全一样，只是计算顺序不同
assert not torch.allclose(pre_ln(X), out, atol=1e-3)
# 检查 5：Post-LN 的最后一步是 LN；初始化时 γ=1、β=0，所以每个位置的输出均值 0、方差 1
torch.testing.assert_close(out.mean(-1), torch.zeros(2, 5), atol=1e-5, rtol=0)
torch.testing.assert_close(out.var(-1, unbiased=False), torch.ones(2, 5), atol=1e-4, rtol=0)
