"""一个 LLaMA 式解码器块的参数量：注意力 4 个投影（无偏置，GQA 时 K、V 变窄）、SwiGLU 3 个矩阵、
2 个 RMSNorm。公式与真正搭出来的模块逐个数参数相符；整个 Llama 2 7B 和 70B 在 meta 设备上搭起来
（不分配内存），总数与 Hugging Face 上 Llama 2 权重的参数量一致。"""

import torch
from torch import nn

torch.manual_seed(0)  # meta 设备上的初始化不产生数值，这里只为与其他示例一致


class LlamaBlock(nn.Module):
    def __init__(self, d: int, n_heads: int, n_kv_heads: int, hidden: int) -> None:
        super().__init__()
        head_dim = d // n_heads
        self.attn_norm, self.ffn_norm = nn.RMSNorm(d), nn.RMSNorm(d)
        self.q = nn.Linear(d, n_heads * head_dim, bias=False)
        self.k = nn.Linear(d, n_kv_heads * head_dim, bias=False)  # GQA：K、V 只有 n_kv_heads 个头
        self.v = nn.Linear(d, n_kv_heads * head_dim, bias=False)
        self.o = nn.Linear(n_heads * head_dim, d, bias=False)
        self.w1 = nn.Linear(d, hidden, bias=False)
        self.w3 = nn.Linear(d, hidden, bias=False)
        self.w2 = nn.Linear(hidden, d, bias=False)


def block_formula(d: int, n_heads: int, n_kv_heads: int, hidden: int) -> int:
    kv = 2 * d * (n_kv_heads * d // n_heads)
    return 2 * d * d + kv + 3 * d * hidden + 2 * d


def count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def llama(vocab: int, d: int, layers: int, n_heads: int, n_kv_heads: int, hidden: int) -> int:
    with torch.device("meta"):  # 只有形状，不分配内存
        model = nn.ModuleDict(
            {
                "embed": nn.Embedding(vocab, d),
                "blocks": nn.ModuleList(
                    LlamaBlock(d, n_heads, n_kv_heads, hidden) for _ in range(layers)
                ),
                "norm": nn.RMSNorm(d),
                "lm_head": nn.Linear(d, vocab, bias=False),  # 不与嵌入共享
            }
        )
    block = count(model["blocks"][0])
    assert block == block_formula(d, n_heads, n_kv_heads, hidden)
    return count(model)


llama2_7b = llama(vocab=32000, d=4096, layers=32, n_heads=32, n_kv_heads=32, hidden=11008)
llama2_70b = llama(vocab=32000, d=8192, layers=80, n_heads=64, n_kv_heads=8, hidden=28672)
print(f"Llama 2 7B：{llama2_7b:,} 个参数")
print(f"Llama 2 70B：{llama2_70b:,} 个参数")
# > Llama 2 7B：6,738,415,616 个参数
# > Llama 2 70B：68,976,648,192 个参数
assert llama2_7b == 6_738_415_616  # Hugging Face 上 Llama-2-7b 权重的参数量
assert llama2_70b == 68_976_648_192  # Llama-2-70b 权重的参数量（论文只写 7B、70B）


# 一个块里注意力与前馈各占多少（数真正搭出来的模块）：7B 前馈约 2/3；
# 70B 的 GQA 只有 8 个键值头、前馈又更宽，前馈占比更高
def block_parts(d: int, n_heads: int, n_kv_heads: int, hidden: int) -> tuple[int, int]:
    with torch.device("meta"):
        b = LlamaBlock(d, n_heads, n_kv_heads, hidden)
    return sum(count(m) for m in (b.q, b.k, b.v, b.o)), sum(count(m) for m in (b.w1, b.w2, b.w3))


for name, cfg in (("7B", (4096, 32, 32, 11008)), ("70B", (8192, 64, 8, 28672))):
    attention, ffn = block_parts(*cfg)
    share = ffn / (attention + ffn)
    parts = f"注意力 {attention / 1e6:.1f}M，前馈 {ffn / 1e6:.1f}M"
    print(f"{name} 的一个块：{parts}，前馈占 {share:.0%}")
# > 7B 的一个块：注意力 67.1M，前馈 135.3M，前馈占 67%
# > 70B 的一个块：注意力 151.0M，前馈 704.6M，前馈占 82%
