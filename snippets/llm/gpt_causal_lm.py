"""因果语言模型（仅解码器）：每个位置预测下一个词元，损失是错位一格的交叉熵；
因果掩码让位置 t 的输出与 t 之后的词元完全无关（改掉后面的词元，前面的输出一个比特都不变）。"""

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
vocab, d, seq = 11, 16, 8


class TinyDecoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(seq, d)
        self.block = nn.TransformerEncoderLayer(d, 2, 4 * d, dropout=0.0, batch_first=True,
                                                norm_first=True)  # fmt: skip
        self.head = nn.Linear(d, vocab)

    def forward(self, tokens: torch.Tensor, causal: bool = True) -> torch.Tensor:
        h = self.embed(tokens) + self.pos(torch.arange(tokens.shape[1]))
        mask = nn.Transformer.generate_square_subsequent_mask(tokens.shape[1]) if causal else None
        return self.head(self.block(h, src_mask=mask, is_causal=causal))


model = TinyDecoder()  # dropout=0，训练模式下前向也是确定的
tokens = torch.randint(0, vocab, (3, seq))
logits = model(tokens)

# 损失：位置 t 的输出预测第 t+1 个词元（最后一个位置没有标签）
loss = F.cross_entropy(logits[:, :-1].reshape(-1, vocab), tokens[:, 1:].reshape(-1))
log_probs = logits.log_softmax(-1)
by_hand = -torch.stack(
    [log_probs[b, t, tokens[b, t + 1]] for b in range(3) for t in range(seq - 1)]
).mean()
torch.testing.assert_close(loss, by_hand)
print(f"每个序列 {seq} 个词元，提供 {seq - 1} 个预测目标；F.cross_entropy 等于手算的平均负对数似然")
# > 每个序列 8 个词元，提供 7 个预测目标；F.cross_entropy 等于手算的平均负对数似然

# 因果：把第 5 个位置之后的词元全换掉，前 5 个位置的输出完全不变
changed = tokens.clone()
changed[:, 5:] = (changed[:, 5:] + 1) % vocab
with torch.no_grad():
    same = torch.equal(model(changed)[:, :5], logits[:, :5].detach())
    leaked = not torch.equal(
        model(changed, causal=False)[:, :5], model(tokens, causal=False)[:, :5]
    )
print("有因果掩码：前面的输出不受后面词元影响", same)
print("去掉掩码：前面的输出随后面的词元变化", leaked)
# > 有因果掩码：前面的输出不受后面词元影响 True
# > 去掉掩码：前面的输出随后面的词元变化 True
assert same and leaked
