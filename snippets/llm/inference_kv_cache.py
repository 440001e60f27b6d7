"""带 KV 缓存的增量解码与每步重算整个前缀的解码逐步相同：
每一步的 logit 一致，贪心生成的词元一致。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, D, H, L = 50, 32, 4, 2  # 词表、模型维度、头数、层数
Dh = D // H


class Block(nn.Module):
    """Pre-LN 解码器层：因果自注意力 + 前馈网络。"""

    def __init__(self) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.qkv, self.out = nn.Linear(D, 3 * D), nn.Linear(D, D)
        self.ffn = nn.Sequential(nn.Linear(D, 4 * D), nn.GELU(), nn.Linear(4 * D, D))

    def forward(self, x, cache=None):
        B, T, _ = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(D, dim=-1)
        q, k, v = (t.view(B, T, H, Dh).transpose(1, 2) for t in (q, k, v))
        if cache is None:  # 无缓存：整段前缀一起算，用 PyTorch 的因果注意力
            a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:  # 有缓存：只算新词元的 q、k、v，把 k、v 接到缓存后面
            k = torch.cat([cache[0], k], dim=2)
            v = torch.cat([cache[1], v], dim=2)
            cache[0], cache[1] = k, v
            # 手写注意力：T 个新查询位于总长 S 的最后 T 个位置，第 i 个只能看到前 S-T+i+1 个键
            S = k.shape[2]
            allowed = torch.ones(T, S, dtype=torch.bool).tril(diagonal=S - T)
            s = (q @ k.transpose(-2, -1) / Dh**0.5).masked_fill(~allowed, float("-inf"))
            a = torch.softmax(s, dim=-1) @ v
        x = x + self.out(a.transpose(1, 2).reshape(B, T, D))
        return x + self.ffn(self.ln2(x))


class TinyLM(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.tok, self.pos = nn.Embedding(V, D), nn.Embedding(64, D)
        self.blocks = nn.ModuleList(Block() for _ in range(L))
        self.ln, self.head = nn.LayerNorm(D), nn.Linear(D, V)

    def forward(self, ids, start=0, caches=None):
        pos = torch.arange(start, start + ids.shape[1])
        x = self.tok(ids) + self.pos(pos)
        for i, blk in enumerate(self.blocks):
            x = blk(x, None if caches is None else caches[i])
        return self.head(self.ln(x))


model = TinyLM().eval()
prompt = torch.randint(V, (1, 5))
steps = 20

with torch.no_grad():
    # 1) 不用缓存：每一步把整个序列重新喂进去，取最后一个位置的 logit
    ids, logits_full = prompt, []
    for _ in range(steps):
        last = model(ids)[:, -1]
        logits_full.append(last)
        ids = torch.cat([ids, last.argmax(-1, keepdim=True)], dim=1)
    tokens_full = ids[0, prompt.shape[1] :]

    # 2) 用 KV 缓存：先处理提示（预填充，prefill），之后每步只喂一个新词元
    caches = [[torch.empty(1, H, 0, Dh), torch.empty(1, H, 0, Dh)] for _ in range(L)]
    logits_cached = [model(prompt, 0, caches)[:, -1]]
    new = [logits_cached[-1].argmax(-1, keepdim=True)]
    for t in range(steps - 1):
        logits_cached.append(model(new[-1], prompt.shape[1] + t, caches)[:, -1])
        new.append(logits_cached[-1].argmax(-1, keepdim=True))
    tokens_cached = torch.cat(new, dim=1)[0]

print("生成的词元:", tokens_cached.tolist())
# > 生成的词元: [29, 6, 6, 47, 23, 17, 47, 29, 13, 45, 11, 22, 24, 10, 33, 22, 48, 43, 47, 5]
print("缓存的形状（批, 头, 长度, 头维度）:", tuple(caches[0][0].shape))
# > 缓存的形状（批, 头, 长度, 头维度）: (1, 4, 24, 8)

# 检查：每一步的 logit 一致（浮点误差以内），贪心得到的词元逐个相同
for a, b in zip(logits_full, logits_cached, strict=True):
    torch.testing.assert_close(a, b, atol=1e-5, rtol=1e-5)
assert torch.equal(tokens_full, tokens_cached)
# 每一步第一名与第二名 logit 的差都远大于浮点误差，所以贪心的词元在任何 CPU 上都一样
gaps = [lg.topk(2).values.diff().abs().min().item() for lg in logits_full]
assert min(gaps) > 1e-3
# 缓存里的 K 等于对整个序列（提示 + 生成的前 19 个词元）一次性算出来的 K
with torch.no_grad():
    full_seq = torch.cat([prompt[0], tokens_cached[:-1]]).unsqueeze(0)
    blk0 = model.blocks[0]
    x0 = model.tok(full_seq) + model.pos(torch.arange(full_seq.shape[1]))
    k_ref = blk0.qkv(blk0.ln1(x0)).split(D, dim=-1)[1].view(1, -1, H, Dh).transpose(1, 2)
torch.testing.assert_close(caches[0][0], k_ref, atol=1e-5, rtol=1e-5)
