"""BERT 的输入：WordPiece 切分，拼成 [CLS] A [SEP] B [SEP]，三种嵌入相加后 LN + Dropout。"""

import torch
from torch import nn

torch.manual_seed(0)

# 玩具 WordPiece 词表：特殊符号 + 整词 + 以 ## 开头的“词内续片”
vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
vocab += ["my", "dog", "is", "cute", "he", "likes", "play", "##ing", "##s"]
tok2id = {t: i for i, t in enumerate(vocab)}


def wordpiece(word: str) -> list[str]:
    """贪心最长匹配：每次从当前位置取词表里最长的片段，非开头的片段带 ## 前缀。"""
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start and (("##" if start else "") + word[start:end]) not in tok2id:
            end -= 1
        if end == start:  # 一个片段都匹配不上：整个词记为 [UNK]
            return ["[UNK]"]
        pieces.append(("##" if start else "") + word[start:end])
        start = end
    return pieces


def tokenize(text: str) -> list[str]:
    return [p for w in text.split() for p in wordpiece(w)]


A, B = tokenize("my dog is cute"), tokenize("he likes playing")
tokens = ["[CLS]", *A, "[SEP]", *B, "[SEP]"]
segment = [0] * (len(A) + 2) + [1] * (len(B) + 1)  # [CLS] A [SEP] 属于句子 A，B [SEP] 属于句子 B
print(" ".join(tokens))
# > [CLS] my dog is cute [SEP] he likes play ##ing [SEP]
print(segment)
# > [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]

# 三种嵌入（真实 BERT：V=30522、最长 512 个位置、2 种片段、H=768；这里缩小）
V, max_len, H = len(vocab), 16, 8
tok_emb, pos_emb, seg_emb = nn.Embedding(V, H), nn.Embedding(max_len, H), nn.Embedding(2, H)
ln, drop = nn.LayerNorm(H, eps=1e-12), nn.Dropout(0.1)

input_ids = torch.tensor([[tok2id[t] for t in tokens]])  # (1, T)
token_type_ids = torch.tensor([segment])
T = input_ids.shape[1]
position_ids = torch.arange(T).unsqueeze(0)  # 0, 1, ..., T-1，位置嵌入是学出来的参数
E = tok_emb(input_ids) + seg_emb(token_type_ids) + pos_emb(position_ids)
drop.eval()  # 推理时 Dropout 不起作用
h0 = drop(ln(E))
print(tuple(h0.shape))
# > (1, 11, 8)

# 检查 1：WordPiece 把不在词表里的词拆成片段，拆不开的记为 [UNK]
assert wordpiece("playing") == ["play", "##ing"]
assert wordpiece("dogs") == ["dog", "##s"]
assert wordpiece("cat") == ["[UNK]"]
# 检查 2：三种嵌入逐元素相加后做 LayerNorm（手写归一化，与 nn.LayerNorm 一致）
mu, var = E.mean(-1, keepdim=True), E.var(-1, unbiased=False, keepdim=True)
torch.testing.assert_close(h0, (E - mu) / torch.sqrt(var + 1e-12) * ln.weight + ln.bias)
# 检查 3：同一个词出现在不同片段、不同位置时，输入向量不同；只用词元嵌入就分不开
pair = torch.tensor([[tok2id[t] for t in ["[CLS]", "dog", "[SEP]", "dog", "[SEP]"]]])
pair_seg, pair_pos = torch.tensor([[0, 0, 0, 1, 1]]), torch.arange(5).unsqueeze(0)
h_pair = ln(tok_emb(pair) + seg_emb(pair_seg) + pos_emb(pair_pos))[0]
assert not torch.allclose(h_pair[1], h_pair[3], atol=1e-3)  # A 句的 dog 与 B 句的 dog
torch.testing.assert_close(ln(tok_emb(pair))[0, 1], ln(tok_emb(pair))[0, 3])
# 检查 4：嵌入层参数 = V·H + max_len·H + 2·H + LayerNorm 的 2H
emb_params = sum(p.numel() for m in (tok_emb, pos_emb, seg_emb, ln) for p in m.parameters())
assert emb_params == V * H + max_len * H + 2 * H + 2 * H
# 检查 5：位置嵌入是一张固定大小的表，超过 max_len 的位置没有向量（BERT 因此最长 512）
out_of_range = False
try:
    pos_emb(torch.tensor([max_len]))
except IndexError:
    out_of_range = True
assert out_of_range
# 检查 6：训练模式下 Dropout 随机置零并把其余元素放大 1/(1-p)
drop.train()
h_train = drop(ln(E))
kept = h_train != 0
torch.testing.assert_close(h_train[kept], ln(E)[kept] / 0.9)
assert (~kept).any()
# 检查 7：只用短序列训练时，超出长度的位置嵌入拿不到梯度（所以 BERT 最后要用 512 长的序列训练一段）
pos_emb.zero_grad()
h_new = ln(tok_emb(input_ids) + seg_emb(token_type_ids) + pos_emb(position_ids))
(h_new * torch.randn_like(h_new)).sum().backward()  # 任意一个依赖全部输出的损失
row_has_grad = pos_emb.weight.grad.abs().sum(dim=1) > 0
assert row_has_grad[:T].all() and not row_has_grad[T:].any()
