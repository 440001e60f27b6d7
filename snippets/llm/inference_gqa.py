"""MQA/GQA：按组共享 K/V 的注意力 = 把 K/V 头 repeat_interleave 后的普通多头注意力
= F.scaled_dot_product_attention(enable_gqa=True)；注意力块参数量 MHA > GQA > MQA。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, T, H, Dh = 2, 6, 8, 16  # 批、长度、查询头数、头维度
D = H * Dh


def grouped_attention(q, k, v):
    """不复制 K/V：把 H 个查询头分成 n_kv 组，每组 H/n_kv 个头共用同一对 K、V。"""
    n_kv = k.shape[1]
    g = H // n_kv
    qg = q.view(B, n_kv, g, T, Dh)  # 第 j 组是查询头 j*g … j*g+g-1
    s = qg @ k.unsqueeze(2).transpose(-2, -1) / Dh**0.5  # (B, n_kv, g, T, T)
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    w = torch.softmax(s.masked_fill(~causal, float("-inf")), dim=-1)
    return (w @ v.unsqueeze(2)).reshape(B, H, T, Dh)


q = torch.randn(B, H, T, Dh)
for n_kv in (8, 2, 1):  # MHA、GQA（4 个查询头一组）、MQA
    k, v = torch.randn(B, n_kv, T, Dh), torch.randn(B, n_kv, T, Dh)
    ours = grouped_attention(q, k, v)
    ref_gqa = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
    rep = H // n_kv  # 把每个 K/V 头复制给它那一组的查询头
    kr, vr = k.repeat_interleave(rep, dim=1), v.repeat_interleave(rep, dim=1)
    ref_rep = F.scaled_dot_product_attention(q, kr, vr, is_causal=True)
    torch.testing.assert_close(ours, ref_gqa)
    torch.testing.assert_close(ours, ref_rep)

# 分组是“相邻的查询头一组”（repeat_interleave），不是轮流分配（repeat）：换成 repeat 结果就不同
k, v = torch.randn(B, 2, T, Dh), torch.randn(B, 2, T, Dh)
wrong = F.scaled_dot_product_attention(
    q, k.repeat(1, 4, 1, 1), v.repeat(1, 4, 1, 1), is_causal=True
)
assert not torch.allclose(wrong, grouped_attention(q, k, v))


# 注意力块的参数量（无偏置，和 Llama 一样）：W_Q、W_O 是 D×D，W_K、W_V 是 D×(n_kv·Dh)
def attn_block(n_kv: int) -> nn.ModuleDict:
    return nn.ModuleDict(
        dict(
            q=nn.Linear(D, H * Dh, bias=False),
            k=nn.Linear(D, n_kv * Dh, bias=False),
            v=nn.Linear(D, n_kv * Dh, bias=False),
            o=nn.Linear(H * Dh, D, bias=False),
        )
    )


for name, n_kv in (("MHA", 8), ("GQA", 2), ("MQA", 1)):
    n = sum(p.numel() for p in attn_block(n_kv).parameters())
    print(f"{name}（n_kv={n_kv}）：{n} 个参数")
    assert n == 2 * D * D + 2 * D * n_kv * Dh  # 闭式
# > MHA（n_kv=8）：65536 个参数
# > GQA（n_kv=2）：40960 个参数
# > MQA（n_kv=1）：36864 个参数

# Llama 2 70B 的一层：D=8192、64 个查询头、8 个 KV 头（d_head=128）
D70, kv70 = 8192, 8 * 128
gqa70 = 2 * D70 * D70 + 2 * D70 * kv70
mha70 = 4 * D70 * D70
print(f"70B 每层注意力：GQA {gqa70 / 1e6:.1f}M，若为 MHA {mha70 / 1e6:.1f}M")
# > 70B 每层注意力：GQA 151.0M，若为 MHA 268.4M
with torch.device("meta"):  # 只建形状，不分配内存
    blk = nn.ModuleDict(
        dict(
            q=nn.Linear(D70, D70, bias=False),
            k=nn.Linear(D70, kv70, bias=False),
            v=nn.Linear(D70, kv70, bias=False),
            o=nn.Linear(D70, D70, bias=False),
        )
    )
assert sum(p.numel() for p in blk.parameters()) == gqa70
