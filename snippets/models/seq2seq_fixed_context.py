"""不带注意力的编码器–解码器：c 是编码器最后一个隐藏状态，解码器每一步都用同一个 c。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V_src, V_tgt, E, H = 12, 10, 6, 8  # 源词表、目标词表、嵌入维度、隐藏维度
BOS = 0  # 目标端的句首符 <bos>

emb_src, emb_tgt = nn.Embedding(V_src, E), nn.Embedding(V_tgt, E)
encoder = nn.GRU(E, H, batch_first=True)
W_init = nn.Linear(H, H)  # s_0 = tanh(W_init c)
decoder = nn.GRUCell(E + H, H)  # 每一步的输入是 [y_{t-1} 的嵌入; c]
W_out = nn.Linear(H, V_tgt)  # p(y_t | ·) = softmax(W s_t + b)

X = torch.randint(1, V_src, (2, 5))  # 2 个源序列，各 5 个词
Y = torch.randint(1, V_tgt, (2, 4))  # 对应的目标序列，各 4 个词

# 编码：逐个读入源词，c = 最后一个隐藏状态 h_T
hs, h_n = encoder(emb_src(X))  # hs: 每个位置的 h_j；h_n: 最后一个
c = hs[:, -1]
print(tuple(hs.shape), tuple(c.shape))
# > (2, 5, 8) (2, 8)

# 解码（训练时的教师强制：输入真实的上一个词 y_{t-1}）
s = torch.tanh(W_init(c))
y_prev = torch.full((2,), BOS)
logits = []
for t in range(Y.shape[1]):
    s = decoder(torch.cat([emb_tgt(y_prev), c], dim=1), s)  # s_t = f(s_{t-1}, y_{t-1}, c)
    logits.append(W_out(s))
    y_prev = Y[:, t]
logits = torch.stack(logits, dim=1)  # (2, 4, V_tgt)
log_p = F.log_softmax(logits, dim=-1)
log_p_Y = log_p.gather(2, Y[:, :, None]).squeeze(2).sum(dim=1)  # log P(Y|X) = Σ_t log p(y_t|·)

# 检查 1：nn.GRU 就是把 GRUCell 沿时间循环；c = h_n = 最后一个位置的输出
cell = nn.GRUCell(E, H)
with torch.no_grad():
    for name in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]:
        getattr(cell, name).copy_(getattr(encoder, name + "_l0"))
h = torch.zeros(2, H)
for j in range(X.shape[1]):
    h = cell(emb_src(X[:, j]), h)
    torch.testing.assert_close(h, hs[:, j])
torch.testing.assert_close(c, h_n[0])

# 检查 2：每一步的输出 softmax(W s_t) 是目标词表上的概率分布
torch.testing.assert_close(log_p.exp().sum(dim=-1), torch.ones(2, 4))

# 检查 3：序列的对数似然 = 各步交叉熵之和的相反数
ce = F.cross_entropy(logits.transpose(1, 2), Y, reduction="none").sum(dim=1)
torch.testing.assert_close(log_p_Y, -ce)

# 检查 4：解码器只通过 c = h_T 看到源序列，对 h_1..h_{T-1} 的梯度全是 0
(g,) = torch.autograd.grad(log_p_Y.sum(), hs)
assert (g[:, :-1] == 0).all() and (g[:, -1] != 0).any()


# 检查 5：参数量。GRU 有 3 组（重置门、更新门、候选状态）权重，每组两份偏置
def n_gru(d_in: int, d_h: int) -> int:
    return 3 * (d_h * d_in + d_h * d_h + 2 * d_h)


assert sum(p.numel() for p in encoder.parameters()) == n_gru(E, H) == 384
assert sum(p.numel() for p in decoder.parameters()) == n_gru(E + H, H) == 576
