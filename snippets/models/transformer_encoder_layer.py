"""手写编码器层：自注意力 + FFN，各带残差和 LayerNorm；Post-LN、Pre-LN 都与 PyTorch 一致。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, T, d, h, d_ff = 2, 5, 16, 4, 32  # 批大小、序列长度、d_model、头数、FFN 隐藏维度
d_k = d // h


def self_attention(x: torch.Tensor, p: dict[str, torch.Tensor]) -> torch.Tensor:
    """多头自注意力：Q、K、V 都由 x 线性投影得到，分成 h 个头各算一次，拼接后再投影。"""
    W_q, W_k, W_v = p["self_attn.in_proj_weight"].chunk(3)  # PyTorch 把三个矩阵叠在一起存
    b_q, b_k, b_v = p["self_attn.in_proj_bias"].chunk(3)

    def split(z: torch.Tensor) -> torch.Tensor:  # (B, T, d) -> (B, h, T, d_k)
        return z.view(B, T, h, d_k).transpose(1, 2)

    Q, K, V = split(x @ W_q.T + b_q), split(x @ W_k.T + b_k), split(x @ W_v.T + b_v)
    A = torch.softmax(Q @ K.transpose(-2, -1) / d_k**0.5, dim=-1)  # (B, h, T, T)
    heads = (A @ V).transpose(1, 2).reshape(B, T, d)  # 拼接各头
    return heads @ p["self_attn.out_proj.weight"].T + p["self_attn.out_proj.bias"]


def ffn(x: torch.Tensor, p: dict[str, torch.Tensor], act) -> torch.Tensor:
    """逐位置前馈网络：W_2 act(W_1 x + b_1) + b_2。"""
    H = act(x @ p["linear1.weight"].T + p["linear1.bias"])  # (B, T, d_ff)
    return H @ p["linear2.weight"].T + p["linear2.bias"]


def layer_norm(x: torch.Tensor, g: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """对每个词元在 d 个特征上归一化（有偏方差，eps = 1e-5）。"""
    mu, var = x.mean(-1, keepdim=True), x.var(-1, unbiased=False, keepdim=True)
    return g * (x - mu) / torch.sqrt(var + 1e-5) + b


def encoder_layer(x: torch.Tensor, p: dict, norm_first: bool, act) -> torch.Tensor:
    def ln1(z: torch.Tensor) -> torch.Tensor:
        return layer_norm(z, p["norm1.weight"], p["norm1.bias"])

    def ln2(z: torch.Tensor) -> torch.Tensor:
        return layer_norm(z, p["norm2.weight"], p["norm2.bias"])

    if norm_first:  # Pre-LN：x = x + Sublayer(LN(x))
        x = x + self_attention(ln1(x), p)
        return x + ffn(ln2(x), p, act)
    x = ln1(x + self_attention(x, p))  # Post-LN（原论文）：x = LN(x + Sublayer(x))
    return ln2(x + ffn(x, p, act))


X = torch.randn(B, T, d)
for norm_first, act in itertools.product([False, True], ["relu", "gelu"]):
    layer = nn.TransformerEncoderLayer(
        d, h, d_ff, dropout=0.0, activation=act, batch_first=True, norm_first=norm_first
    )
    with torch.no_grad():  # 让 LayerNorm 的 γ、β 不是默认的 1、0，检查才完整
        for name in ("norm1", "norm2"):
            getattr(layer, name).weight.uniform_(0.5, 1.5)
            getattr(layer, name).bias.normal_()
    p = {k: v.detach().clone() for k, v in layer.state_dict().items()}  # 复制权重
    Y_hand = encoder_layer(X, p, norm_first, getattr(F, act))
    # 检查 1：四种组合（Post-LN/Pre-LN × ReLU/GELU）都与 PyTorch 一致
    torch.testing.assert_close(Y_hand, layer(X))

print(tuple(Y_hand.shape))
# > (2, 5, 16)

# 检查 2：编码器层不改变形状，可以直接堆叠 N 层
assert Y_hand.shape == X.shape

# 检查 3：γ=1、β=0 时，Post-LN 层的输出每个词元都是均值 0、方差 1（最后一步就是 LN）；
# Pre-LN 层的输出是“x + 子层输出”，没有被归一化，所以 Pre-LN 堆叠的最后要再加一个 LN
post = nn.TransformerEncoderLayer(d, h, d_ff, dropout=0.0, batch_first=True)
pre = nn.TransformerEncoderLayer(d, h, d_ff, dropout=0.0, batch_first=True, norm_first=True)
Y_post, Y_pre = post(3 * X), pre(3 * X)
torch.testing.assert_close(Y_post.mean(-1), torch.zeros(B, T), atol=1e-5, rtol=0)
torch.testing.assert_close(Y_post.var(-1, unbiased=False), torch.ones(B, T), atol=1e-3, rtol=0)
assert (Y_pre.var(-1, unbiased=False) - 1).abs().max() > 1
# 检查 4：没有位置编码时，打乱输入的词序，输出只是跟着打乱（置换等变），层本身不知道顺序
perm = torch.randperm(T)
torch.testing.assert_close(post(X[:, perm]), post(X)[:, perm])
