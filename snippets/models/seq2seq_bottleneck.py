"""固定上下文的瓶颈：两个不同的源序列只要 c 相同，不带注意力的解码器输出就完全相同。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, E, H, A = 10, 5, 6, 8  # 词表、嵌入维度、隐藏维度、注意力维度
BOS, EOS = 0, 9

emb = nn.Embedding(V, E)
encoder = nn.GRU(E, H, batch_first=True)
with torch.no_grad():
    # 构造一个极端的编码器：嵌入的最后一维是“<eos> 标志”，只有 <eos> 为 1
    emb.weight[:, -1] = 0.0
    emb.weight[EOS, -1] = 1.0
    # 读到 <eos> 时重置门 r、更新门 z 都饱和到约 0：h_T ≈ tanh(W_in x_T + b_in)，历史被清空
    encoder.weight_ih_l0[: 2 * H, -1] = -30.0

# 解码器的各个部件（随机初始化即可，论证与训练无关）
emb_tgt, cell = nn.Embedding(V, E), nn.GRUCell(E + H, H)
W_init, W_out = nn.Linear(H, H), nn.Linear(H, V)
W_a, U_a, v = nn.Linear(H, A, bias=False), nn.Linear(H, A, bias=False), nn.Linear(A, 1, bias=False)


def decode(hs: torch.Tensor, attention: bool, steps: int = 4) -> torch.Tensor:
    """贪心解码，返回各步 logits。attention=False 时每一步都用 c = h_T。"""
    c = hs[:, -1]
    s = torch.tanh(W_init(c))
    y, out = torch.full((len(hs),), BOS), []
    for _ in range(steps):
        if attention:  # c_t = Σ_j α_tj h_j，α 由 s_{t-1} 和各个 h_j 算出
            e = v(torch.tanh(W_a(s)[:, None] + U_a(hs))).squeeze(-1)
            c = (F.softmax(e, dim=1)[:, :, None] * hs).sum(dim=1)
        s = cell(torch.cat([emb_tgt(y), c], dim=1), s)  # s_t = f(s_{t-1}, y_{t-1}, c)
        out.append(W_out(s))
        y = out[-1].argmax(dim=1)  # 推理时把自己的预测喂回去
    return torch.stack(out, dim=1)


X = torch.tensor([[2, 5, 7, 1, EOS], [6, 4, 4, 3, EOS]])  # 两个不同的源序列
with torch.no_grad():
    hs, _ = encoder(emb(X))  # (2, 5, H)：各位置的 h_j
    logits_fixed = decode(hs, attention=False)
    logits_attn = decode(hs, attention=True)
print(f"{(hs[0, :-1] - hs[1, :-1]).abs().max():.3f} {(hs[0, -1] - hs[1, -1]).abs().max():.3f}")
# > 0.514 0.000

# 检查 1：两个源序列前 4 个位置的隐藏状态明显不同，最后的 c = h_T 却相同
assert (hs[0, :-1] - hs[1, :-1]).abs().max() > 0.1
torch.testing.assert_close(hs[0, -1], hs[1, -1])
# 检查 2：不带注意力的解码器每一步的分布都相同——它分不出这两个源序列
torch.testing.assert_close(logits_fixed[0], logits_fixed[1])
# 检查 3：带注意力的解码器直接读各位置的 h_j，两个源序列得到不同的输出
assert not torch.allclose(logits_attn[0], logits_attn[1], atol=1e-3)
