"""参数量：编码器层 = 注意力 4d²+4d + FFN 2·d·d_ff+d_ff+d + 两个 LN 4d；与 PyTorch 逐一核对。"""

import inspect

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


def n_params(*modules: nn.Module) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def attn(d: int) -> int:
    return 4 * d * d + 4 * d  # W_Q、W_K、W_V、W_O 各 d×d，外加各自的偏置


def ffn(d: int, d_ff: int) -> int:
    return 2 * d * d_ff + d_ff + d  # W_1 (d_ff×d) + b_1，W_2 (d×d_ff) + b_2


def enc_layer(d: int, d_ff: int) -> int:
    return attn(d) + ffn(d, d_ff) + 2 * 2 * d  # 两个 LayerNorm，各有 γ、β


def dec_layer(d: int, d_ff: int) -> int:
    return 2 * attn(d) + ffn(d, d_ff) + 3 * 2 * d  # 自注意力 + 交叉注意力，三个 LayerNorm


# 原论文的 base（d=512, h=8, d_ff=2048, N=6）和 big（d=1024, h=16, d_ff=4096, N=6）
configs = {"base": (512, 8, 2048), "big": (1024, 16, 4096), "small": (16, 4, 32)}
totals, ffn_share = {}, {}
for name, (d, h, d_ff) in configs.items():
    meta = {"device": "meta", "batch_first": True}  # meta 设备只记录形状，不分配内存
    enc = nn.TransformerEncoderLayer(d, h, d_ff, **meta)
    dec = nn.TransformerDecoderLayer(d, h, d_ff, **meta)
    stacks = 6 * enc_layer(d, d_ff) + 6 * dec_layer(d, d_ff) + 2 * 2 * d  # 末尾还有两个 LN
    totals[name] = stacks
    ffn_share[name] = (  # FFN（linear1、linear2）在一层里所占的比例，按 PyTorch 模块实际数出来
        n_params(enc.linear1, enc.linear2) / n_params(enc),
        n_params(dec.linear1, dec.linear2) / n_params(dec),
    )
    print(f"{name}: {n_params(enc):,} {n_params(dec):,} {stacks:,}")
    # 检查 1：编码器层、解码器层都与公式一致
    assert n_params(enc) == enc_layer(d, d_ff)
    assert n_params(dec) == dec_layer(d, d_ff)
# > base: 3,152,384 4,204,032 44,140,544
# > big: 12,596,224 16,796,672 176,361,472
# > small: 2,224 3,344 33,472

# 加上嵌入：英德翻译的共享 BPE 词表约 37000 个词元，源嵌入、目标嵌入、输出投影共用一个 V×d 矩阵；
# 正弦位置编码没有参数
V = 37000
print(f"{totals['base'] + V * 512:,} {totals['big'] + V * 1024:,}")
# > 63,084,544 214,249,472

# 检查 2：nn.Transformer 的默认参数就是 base 配置（含 Dropout 0.1、ReLU、Post-LN）；
# 整个模型的参数量也与公式一致，它在编码器、解码器的末尾各多加了一个 LayerNorm
defaults = {k: v.default for k, v in inspect.signature(nn.Transformer).parameters.items()}
base_args = {"d_model": 512, "nhead": 8, "num_encoder_layers": 6, "num_decoder_layers": 6}
base_args |= {"dim_feedforward": 2048, "dropout": 0.1, "norm_first": False}
assert all(defaults[k] == v for k, v in base_args.items()) and defaults["activation"] is F.relu
assert n_params(nn.Transformer(device="meta", batch_first=True)) == totals["base"]
# 检查 3：base 的一个编码器层 3,152,384 个参数；不算末尾两个 LN，6 + 6 层共 44,138,496 个
assert enc_layer(512, 2048) == 3_152_384
assert totals["base"] - 2 * 2 * 512 == 44_138_496
# 检查 4：头数不影响参数量（多头只是把 d 维切成 h 份，W_Q 等矩阵的总大小不变）
for h in (1, 2, 8, 16):
    assert n_params(nn.MultiheadAttention(512, h, device="meta")) == attn(512)
# 检查 5：d_ff = 4d 时，FFN 约占编码器层的 2/3；解码器层多一个交叉注意力，FFN 约占一半
for enc_share, dec_share in (ffn_share["base"], ffn_share["big"]):
    assert abs(enc_share - 2 / 3) < 0.01 and abs(dec_share - 1 / 2) < 0.01
