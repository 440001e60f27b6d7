"""BERT 参数量只由配置决定：公式先在小配置的真实模块上核对，再算 Base、Large。"""

import torch
from torch import nn

torch.manual_seed(0)


def bert_params(V: int, H: int, L: int, d_ff: int, max_pos: int = 512) -> dict[str, int]:
    """V 词表，H 隐藏维度，L 层数，d_ff 前馈维度（= 4H）；注意力头数不影响参数量。"""
    embeddings = V * H + max_pos * H + 2 * H + 2 * H  # 词、位置、片段嵌入 + LayerNorm
    attention = 4 * H * H + 4 * H  # Q、K、V、输出四个 H×H 矩阵及偏置
    ffn = H * d_ff + d_ff + d_ff * H + H  # H→4H→H 两个线性层
    layer = attention + ffn + 2 * (2 * H)  # 两个 LayerNorm，各有 γ、β
    pooler = H * H + H  # [CLS] 上的 Linear + tanh
    total = embeddings + L * layer + pooler
    return {"embeddings": embeddings, "layer": layer, "pooler": pooler, "total": total}


# 1) 小配置：用真实的 PyTorch 模块搭一个 BERT 主体
V, H, L, A, d_ff, max_pos = 30, 16, 2, 4, 64, 32
enc_layer = nn.TransformerEncoderLayer(
    H, A, d_ff, activation="gelu", norm_first=False, layer_norm_eps=1e-12, batch_first=True
)
tiny = nn.ModuleDict(
    {
        "tok_emb": nn.Embedding(V, H),
        "pos_emb": nn.Embedding(max_pos, H),
        "seg_emb": nn.Embedding(2, H),
        "emb_ln": nn.LayerNorm(H, eps=1e-12),
        "encoder": nn.TransformerEncoder(enc_layer, L, enable_nested_tensor=False),
        "pooler": nn.Linear(H, H),
    }
)


def count(*modules: nn.Module) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


formula = bert_params(V, H, L, d_ff, max_pos)
print(count(tiny), formula["total"])
# > 7888 7888

# 2) 真实配置：只用公式，不实例化（Base 约 0.4 GB 的 float32 参数）
base = bert_params(V=30522, H=768, L=12, d_ff=3072)
large = bert_params(V=30522, H=1024, L=24, d_ff=4096)
print(f"Base: {base['total']:,}  Large: {large['total']:,}")
# > Base: 109,482,240  Large: 335,141,888
print(f"Base 中嵌入层占 {base['embeddings'] / base['total']:.1%}，每层 {base['layer']:,}")
# > Base 中嵌入层占 21.8%，每层 7,087,872

# 3) 预训练的 MLM 输出头：变换层 + 输出层，输出层的权重与词嵌入共享
mlm_transform = nn.Sequential(nn.Linear(H, H), nn.GELU(), nn.LayerNorm(H, eps=1e-12))
decoder = nn.Linear(H, V)
decoder.weight = tiny["tok_emb"].weight  # 权重绑定（weight tying）
with_mlm = nn.ModuleList([tiny, mlm_transform, decoder])

# 检查 1：公式与真实模块逐项一致
assert count(tiny) == formula["total"]
emb_modules = [tiny[k] for k in ("tok_emb", "pos_emb", "seg_emb", "emb_ln")]
assert count(*emb_modules) == formula["embeddings"]
assert count(tiny["encoder"].layers[0]) == formula["layer"] == 12 * H * H + 13 * H
assert count(tiny["pooler"]) == formula["pooler"]
# 检查 2：与论文报告的 110M、340M 相符（误差分别 < 1%、< 2%）
assert abs(base["total"] / 110e6 - 1) < 0.01
assert abs(large["total"] / 340e6 - 1) < 0.02
# 检查 3：头数 A 不影响参数量（只是把 H 维切成 A 份）
for heads in (1, 2, 8):
    layer = nn.TransformerEncoderLayer(H, heads, d_ff, activation="gelu", batch_first=True)
    assert count(layer) == formula["layer"]
# 检查 4：共享的权重只算一次，MLM 头只多出 H²+H（变换）+ 2H（LN）+ V（输出偏置）
assert decoder.weight is tiny["tok_emb"].weight
assert count(with_mlm) == count(tiny) + (H * H + H) + 2 * H + V
