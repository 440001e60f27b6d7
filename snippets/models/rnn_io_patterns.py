"""RNN 的四种输入输出形式：多对一（取 h_n）、多对多对齐（每个时刻接输出层）、
一对多（生成时逐步把上一步的输出喂回去）、多对多不对齐（编码器的 h_n 作解码器的 h_0）。"""

import torch
from torch import nn

torch.manual_seed(0)

B, T, d, H, V, C = 2, 6, 3, 8, 10, 4  # 批量、长度、输入维度、隐藏维度、词表大小、类别数
X = torch.randn(B, T, d)

# 多对一：整条序列一个标签（情感分类），用最后的隐藏状态
rnn = nn.RNN(d, H, batch_first=True)
output, h_n = rnn(X)
cls_logits = nn.Linear(H, C)(h_n[-1])

# 多对多（对齐）：每个时刻一个标签（词性标注），输出层作用在每个时刻
tag_logits = nn.Linear(H, C)(output)

# 一对多：一个向量（如 CNN 提取的图像特征）→ 一串词（图像描述）
feat = torch.randn(B, 16)
init, emb, dec, head = (
    nn.Linear(16, H),
    nn.Embedding(V, d),
    nn.RNN(d, H, batch_first=True),
    nn.Linear(H, V),
)
h = torch.tanh(init(feat))[None]  # 图像特征变成解码器的 h_0：(1, B, H)
token = torch.zeros(B, 1, dtype=torch.long)  # 0 号词当作 <bos>
tokens, step_logits = [token], []
for _ in range(5):  # 逐步生成：每一步只喂一个词，隐藏状态带到下一步
    out, h = dec(emb(token), h)
    logits = head(out)
    step_logits.append(logits)
    token = logits.argmax(-1)  # 贪心：取概率最大的词，作为下一步的输入
    tokens.append(token)
caption = torch.cat(tokens[1:], dim=1)

# 多对多（不对齐）：编码器读完长度 6 的输入，解码器从它的 h_n 出发输出长度 3
enc, dec2 = nn.RNN(d, H, batch_first=True), nn.RNN(d, H, batch_first=True)
_, context = enc(X)  # 整条输入压成一个向量（见 Seq2Seq 一页）
dec_out, _ = dec2(torch.randn(B, 3, d), context)

print(tuple(cls_logits.shape), tuple(tag_logits.shape), tuple(caption.shape), tuple(dec_out.shape))
# > (2, 4) (2, 6, 4) (2, 5) (2, 3, 8)

# 检查：各形式的输出形状
assert cls_logits.shape == (B, C) and tag_logits.shape == (B, T, C)
assert caption.shape == (B, 5) and dec_out.shape == (B, 3, H)
# 检查：逐步生成与“把生成好的整串一次喂进去”（训练时的教师强制）算出同样的 logits
h0 = torch.tanh(init(feat))[None]
full_out, _ = dec(emb(torch.cat(tokens[:-1], dim=1)), h0)
torch.testing.assert_close(head(full_out), torch.cat(step_logits, dim=1))
