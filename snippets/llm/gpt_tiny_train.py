"""在 CPU 上训练一个很小的字符级 GPT（一层因果自注意力 + 前馈），几秒钟。
文本是同几句话的重复，留出的最后 10% 也是这几句话，所以这里只说明模型学会了这段文本、用上了前文，
不说明泛化。这一次运行中，留出部分的损失低于“只看前一个字符”的二元模型的条件熵；贪心解码续写出的每个词都是训练文本里的词。
训练的结果在不同 CPU 上会有细微差别，所以只印结论。"""

import math
from collections import Counter

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
text = "the cat sat on the mat. the dog sat on the log. a cat and a dog met on the mat. " * 20
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text])
train, valid = data[: int(0.9 * len(data))], data[int(0.9 * len(data)) :]
V, ctx, d = len(chars), 32, 48


class TinyGPT(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.tok, self.pos = nn.Embedding(V, d), nn.Embedding(ctx, d)
        self.block = nn.TransformerEncoderLayer(d, 4, 4 * d, dropout=0.0, batch_first=True,
                                                norm_first=True)  # fmt: skip
        self.ln, self.head = nn.LayerNorm(d), nn.Linear(d, V)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        T = idx.shape[1]
        h = self.tok(idx) + self.pos(torch.arange(T))
        mask = nn.Transformer.generate_square_subsequent_mask(T)
        return self.head(self.ln(self.block(h, src_mask=mask, is_causal=True)))


def batch(split: torch.Tensor, n: int = 32) -> tuple[torch.Tensor, torch.Tensor]:
    starts = torch.randint(0, len(split) - ctx - 1, (n,))
    x = torch.stack([split[s : s + ctx] for s in starts])
    y = torch.stack([split[s + 1 : s + ctx + 1] for s in starts])
    return x, y


model = TinyGPT()
print(f"参数 {sum(p.numel() for p in model.parameters()):,}")
# > 参数 31,262
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
for _step in range(200):
    x, y = batch(train)
    loss = F.cross_entropy(model(x).reshape(-1, V), y.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    x, y = batch(valid, 64)
    valid_loss = F.cross_entropy(model(x).reshape(-1, V), y.reshape(-1)).item()


def conditional_entropy(seq: str, k: int) -> float:
    """只看前 k 个字符时，下一个字符的条件熵（nat，按训练文本的频率，float64）。"""
    joint = Counter(seq[i : i + k + 1] for i in range(len(seq) - k))
    context = Counter(g[:-1] for g in joint.elements())
    total = sum(joint.values())
    return -sum(c / total * math.log(c / context[g[:-1]]) for g, c in joint.items())


train_text = text[: len(train)]
unigram, bigram = conditional_entropy(train_text, 0), conditional_entropy(train_text, 1)
print(f"一元模型的熵 {unigram:.2f} nat，二元模型（只看前一个字符）{bigram:.2f} nat")
# > 一元模型的熵 2.32 nat，二元模型（只看前一个字符）0.96 nat
print("训练后留出部分的损失低于二元模型：", valid_loss < bigram)
# > 训练后留出部分的损失低于二元模型： True
assert valid_loss < bigram < unigram  # 模型用上了比前一个字符更早的上下文

# 贪心解码：每步取概率最大的字符
idx = torch.tensor([[stoi[c] for c in "the dog "]])
with torch.no_grad():
    for _ in range(24):
        next_id = model(idx[:, -ctx:])[0, -1].argmax()
        idx = torch.cat([idx, next_id.view(1, 1)], dim=1)
generated = "".join(chars[i] for i in idx[0].tolist())
words = generated.replace(".", " ").split()[:-1]  # 最后一个词可能没写完
known = set(text.replace(".", " ").split())
print("续写出的每个完整的词都是训练文本里的词：", all(w in known for w in words))
# > 续写出的每个完整的词都是训练文本里的词： True
assert all(w in known for w in words) and len(words) >= 5
