"""极小的 BERT：带片段编号和填充掩码做前向，接上各种输出头；填充不影响真实词的输出。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, H, A, L, d_ff, max_pos = 30, 16, 4, 2, 64, 16  # 真实 BERT-Base：30522, 768, 12, 12, 3072, 512
PAD, CLS, SEP = 0, 2, 3


class TinyBert(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.tok_emb = nn.Embedding(V, H)
        self.pos_emb = nn.Embedding(max_pos, H)
        self.seg_emb = nn.Embedding(2, H)
        self.emb_ln, self.emb_drop = nn.LayerNorm(H, eps=1e-12), nn.Dropout(0.1)
        layer = nn.TransformerEncoderLayer(
            H, A, d_ff, activation="gelu", norm_first=False, layer_norm_eps=1e-12, batch_first=True
        )
        self.encoder = nn.TransformerEncoder(layer, L, enable_nested_tensor=False)
        self.pooler = nn.Linear(H, H)

    def embed(self, ids: torch.Tensor, seg: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(ids.shape[1])
        return self.emb_drop(self.emb_ln(self.tok_emb(ids) + self.seg_emb(seg) + self.pos_emb(pos)))

    def forward(self, ids: torch.Tensor, seg: torch.Tensor, attention_mask: torch.Tensor):
        x = self.embed(ids, seg)
        # src_key_padding_mask：True 表示“这个键是填充，别看它”
        seq_out = self.encoder(x, src_key_padding_mask=attention_mask == 0)
        pooled = torch.tanh(self.pooler(seq_out[:, 0]))  # [CLS] 的向量经过池化层
        return seq_out, pooled


model = TinyBert().eval()  # eval：关掉 Dropout
# 输出头（真实模型里它们和主体一起训练或微调）
mlm_head = nn.Sequential(nn.Linear(H, H), nn.GELU(), nn.LayerNorm(H, eps=1e-12), nn.Linear(H, V))
mlm_head[-1].weight = model.tok_emb.weight  # 输出层与词嵌入共享权重
nsp_head = nn.Linear(H, 2)  # 预训练：IsNext / NotNext
cls_head = nn.Linear(H, 3)  # 微调：句子（对）分类，例如情感 3 类、NLI 3 类
tag_head = nn.Linear(H, 5)  # 微调：序列标注，例如 5 种 NER 标签
qa_head = nn.Linear(H, 2)  # 微调：抽取式问答，每个位置一个起点分数、一个终点分数

# 两条样本：第 1 条 [CLS] A [SEP] B [SEP] 共 8 个词；第 2 条只有 5 个词，补 3 个 [PAD]
ids = torch.tensor([[CLS, 5, 6, 7, SEP, 8, 9, SEP], [CLS, 10, 11, SEP, 12, PAD, PAD, PAD]])
seg = torch.tensor([[0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 1, 0, 0, 0]])
attention_mask = (ids != PAD).long()  # 1 = 真实词，0 = 填充
seq_out, pooled = model(ids, seg, attention_mask)

shapes = {
    "sequence_output": seq_out.shape,
    "pooled": pooled.shape,
    "MLM": mlm_head(seq_out).shape,
    "NSP": nsp_head(pooled).shape,
    "分类": cls_head(pooled).shape,
    "标注": tag_head(seq_out).shape,
    "问答": qa_head(seq_out).shape,
}
for name, shape in shapes.items():
    print(f"{name}: {tuple(shape)}")
# > sequence_output: (2, 8, 16)
# > pooled: (2, 16)
# > MLM: (2, 8, 30)
# > NSP: (2, 2)
# > 分类: (2, 3)
# > 标注: (2, 8, 5)
# > 问答: (2, 8, 2)

# 检查 1：各个头的输出形状
B, T = ids.shape
assert shapes["sequence_output"] == (B, T, H) and shapes["pooled"] == (B, H)
assert shapes["MLM"] == (B, T, V) and shapes["NSP"] == (B, 2) and shapes["分类"] == (B, 3)
assert shapes["标注"] == (B, T, 5) and shapes["问答"] == (B, T, 2)
start_logits, end_logits = qa_head(seq_out).unbind(-1)  # 各 (B, T)
assert start_logits.shape == end_logits.shape == (B, T)
# 检查 2：第 2 条单独、不补齐地跑，真实词的输出与批里补齐后的完全一样
alone, _ = model(ids[1:, :5], seg[1:, :5], attention_mask[1:, :5])
torch.testing.assert_close(seq_out[1, :5], alone[0], atol=1e-5, rtol=1e-5)
# 检查 3：把填充位置换成任意词，真实词的输出也不变（它们被掩码挡住了）
junk = ids.clone()
junk[1, 5:] = torch.tensor([20, 21, 22])
torch.testing.assert_close(model(junk, seg, attention_mask)[0][1, :5], seq_out[1, :5])
# 检查 4：如果忘了传掩码，真实词会去注意填充位置，输出就变了
no_mask, _ = model(ids, seg, torch.ones_like(ids))
assert not torch.allclose(no_mask[1, :5], seq_out[1, :5], atol=1e-3)
# 检查 5：MLM 输出层与词嵌入是同一个参数（权重绑定）；MLM 的 logits 可直接进交叉熵
assert mlm_head[-1].weight is model.tok_emb.weight
labels = torch.full((B, T), -100)
labels[0, 2] = 6  # 假设第 1 条的第 2 个词被遮住了，原词是 6
loss = F.cross_entropy(mlm_head(seq_out).view(-1, V), labels.view(-1))
torch.testing.assert_close(loss, -F.log_softmax(mlm_head(seq_out[0, 2]), -1)[6])
# 检查 6：双向——改动右边的词（位置 6），左边位置 1 的输出也跟着变；
#         换成 GPT 式的因果掩码（只能看左边），位置 1 的输出就不受影响
right = ids.clone()
right[0, 6] = 25
assert not torch.allclose(model(right, seg, attention_mask)[0][0, 1], seq_out[0, 1], atol=1e-3)
causal = nn.Transformer.generate_square_subsequent_mask(T)  # 上三角为 -inf


def encode_causal(ids: torch.Tensor) -> torch.Tensor:
    return model.encoder(model.embed(ids, seg), mask=causal, is_causal=True)


torch.testing.assert_close(encode_causal(right)[0, 1], encode_causal(ids)[0, 1])
