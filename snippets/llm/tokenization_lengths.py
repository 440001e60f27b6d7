"""中文的三种长度（字符、UTF-8 字节、字节级 BPE 词元）；
词表越大（合并越多），同一段文本的词元越少（严格单调）；
嵌入层与输出层的参数量 V·d：在 meta 设备上按 Llama 2 7B、Llama 3 8B 的配置建模型数参数。"""

from itertools import pairwise

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from torch import nn

torch.manual_seed(0)

text = (
    "深度学习模型先把文本切成词元，再把词元映射成向量。"
    "大模型的词表越大，同一段文本切出的词元越少，但嵌入矩阵越大。"
    "常见的汉字会被合并成一个词元，少见的汉字仍然是三个字节。"
    "分词器必须和模型一起使用，换了分词器，编号就对不上了。"
)


def byte_bpe(vocab_size: int) -> Tokenizer:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    alphabet = pre_tokenizers.ByteLevel.alphabet()
    tr = trainers.BpeTrainer(vocab_size=vocab_size, initial_alphabet=alphabet, show_progress=False)
    tok.train_from_iterator([text] * 3, trainer=tr)
    return tok


n_chars, n_bytes = len(text), len(text.encode("utf-8"))
assert n_bytes == 3 * n_chars  # 全是 U+0800–U+FFFF 的汉字和全角标点，每个 3 字节
lengths = {v: len(byte_bpe(v).encode(text).ids) for v in (256, 300, 350, 400, 450)}
print(n_chars, n_bytes, lengths)
# > 110 330 {256: 330, 300: 182, 350: 117, 400: 67, 450: 20}
sizes = sorted(lengths)
assert lengths[256] == n_bytes  # 只有 256 个字节、没有合并时，词元数 = 字节数
assert all(lengths[a] > lengths[b] for a, b in pairwise(sizes))  # 词表越大越短，严格单调

# 学到的合并里有整字：高频汉字的 3 个字节被合成一个词元，只出现一次的字仍是 3 个字节
tok = byte_bpe(350)
print({c: len(tok.encode(c).ids) for c in "词元模型深量"})
# > {'词': 1, '元': 2, '模': 3, '型': 2, '深': 3, '量': 3}
assert len(tok.encode("量").ids) == len("量".encode()) == 3
# `元` 的 3 个字节被切成 2 个词元：单独解码任何一个都不是完整的字符（出现替换字符 U+FFFD）
tok.decoder = decoders.ByteLevel()
pieces = tok.encode("元").ids
assert len(pieces) == 2 and all("\ufffd" in tok.decode([i]) for i in pieces)
assert tok.decode(pieces) == "元"


class Block(nn.Module):
    """Llama 式解码器层：q/o 为 d×d，k/v 为 d×(n_kv·128)（GQA），SwiGLU 三个矩阵，两个 RMSNorm。"""

    def __init__(self, d: int, d_ff: int, n_kv: int) -> None:
        super().__init__()
        self.q, self.o = nn.Linear(d, d, bias=False), nn.Linear(d, d, bias=False)
        self.k, self.v = nn.Linear(d, n_kv * 128, bias=False), nn.Linear(d, n_kv * 128, bias=False)
        self.gate, self.up = nn.Linear(d, d_ff, bias=False), nn.Linear(d, d_ff, bias=False)
        self.down = nn.Linear(d_ff, d, bias=False)
        self.norm1, self.norm2 = nn.RMSNorm(d), nn.RMSNorm(d)


parts = {}
published = {"Llama 2 7B": "6.74", "Llama 3 8B": "8.03"}  # 公开报告的参数量（十亿）
for name, V, d, d_ff, n_kv in [
    ("Llama 2 7B", 32000, 4096, 11008, 32),
    ("Llama 3 8B", 128256, 4096, 14336, 8),
]:
    with torch.device("meta"):  # 只记形状，不分配内存
        model = nn.ModuleDict(
            {
                "embed": nn.Embedding(V, d),
                "layers": nn.ModuleList(Block(d, d_ff, n_kv) for _ in range(32)),
                "norm": nn.RMSNorm(d),
                "lm_head": nn.Linear(d, V, bias=False),  # 两者都不绑定输入、输出嵌入
            }
        )
    total = sum(p.numel() for p in model.parameters())
    vd = model["embed"].weight.numel() + model["lm_head"].weight.numel()
    assert vd == 2 * V * d
    print(f"{name}: 总计 {total / 1e9:.2f}B，嵌入+输出 {vd / 1e9:.3f}B（{vd / total:.1%}）")
    assert f"{total / 1e9:.2f}" == published[name]
    parts[name] = {  # 按模块分项数参数
        "vd": vd,
        "ffn": sum(
            p.numel()
            for n, p in model.named_parameters()
            if n.split(".")[-2] in ("gate", "up", "down")
        ),
        "kv": sum(p.numel() for n, p in model.named_parameters() if n.split(".")[-2] in ("k", "v")),
        "total": total,
    }
# > Llama 2 7B: 总计 6.74B，嵌入+输出 0.262B（3.9%）
# > Llama 3 8B: 总计 8.03B，嵌入+输出 1.051B（13.1%）

# Llama 3 8B 比 Llama 2 7B 多出的参数：词表 +0.79B，前馈层加宽 +1.31B，GQA 缩小 K/V 投影 −0.81B
diff = {
    k: (parts["Llama 3 8B"][k] - parts["Llama 2 7B"][k]) / 1e9 for k in ("vd", "ffn", "kv", "total")
}
print({k: round(v, 2) for k, v in diff.items()})
# > {'vd': 0.79, 'ffn': 1.31, 'kv': -0.81, 'total': 1.29}
assert (
    abs(diff["vd"] + diff["ffn"] + diff["kv"] - diff["total"]) < 1e-9
)  # 其余部分（q、o、归一化）不变
