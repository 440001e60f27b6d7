"""GPT 的参数量与训练计算量。在 meta 设备上按论文的配置搭出 GPT-2（small、XL）和 GPT-3 175B，
数出参数（GPT-2 的嵌入与输出层共享）；用 FlopCounterMode 数一次前向 + 反向的浮点运算，验证
C ≈ 6ND；再按 Chinchilla 的“每个参数约 20 个词元”算出给定计算量下的最优模型大小。"""

import math

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)  # meta 设备上的初始化不产生数值，这里只为与其他示例一致


class GPTBlock(nn.Module):
    def __init__(self, d: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc, self.out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)


def gpt_params(vocab: int, ctx: int, d: int, layers: int) -> int:
    with torch.device("meta"):
        wte, wpe = nn.Embedding(vocab, d), nn.Embedding(ctx, d)
        blocks = nn.ModuleList(GPTBlock(d) for _ in range(layers))
        ln_f = nn.LayerNorm(d)  # 输出层与 wte 共享权重，不另算
    return sum(p.numel() for m in (wte, wpe, blocks, ln_f) for p in m.parameters())


gpt2_small = gpt_params(vocab=50257, ctx=1024, d=768, layers=12)
gpt2_xl = gpt_params(vocab=50257, ctx=1024, d=1600, layers=48)
gpt3 = gpt_params(vocab=50257, ctx=2048, d=12288, layers=96)
print(f"GPT-2 small {gpt2_small:,}，GPT-2 XL {gpt2_xl:,}，GPT-3 {gpt3 / 1e9:.1f}B")
# > GPT-2 small 124,439,808，GPT-2 XL 1,557,611,200，GPT-3 174.6B
assert gpt2_small == 124_439_808 and gpt2_xl == 1_557_611_200  # Hugging Face 上 gpt2、gpt2-xl
assert abs(gpt3 / 175.0e9 - 1) < 0.01  # GPT-3 论文表 2.1：175.0B
assert abs(12 * 96 * 12288**2 / gpt3 - 1) < 0.01  # 近似 12·L·d²（嵌入只占不到 1%）

# C ≈ 6ND：前向每个参数每个词元 2 次浮点运算（一乘一加），反向约是前向的 2 倍
d, tokens = 64, 32
mlp = nn.Sequential(nn.Linear(d, 4 * d, bias=False), nn.GELU(), nn.Linear(4 * d, d, bias=False))
n_params = sum(p.numel() for p in mlp.parameters())
x = torch.randn(tokens, d, requires_grad=True)  # 像网络中间的一层：输入也要梯度
with FlopCounterMode(display=False) as counter:
    mlp(x).sum().backward()
ratio = counter.get_total_flops() / (n_params * tokens)
print(f"前向 + 反向的矩阵乘法浮点运算 / (参数 × 词元) = {ratio:g}")
# > 前向 + 反向的矩阵乘法浮点运算 / (参数 × 词元) = 6


# Chinchilla（Hoffmann 等，2022）：算力最优时参数与词元同比增长，约 20 个词元/参数
def chinchilla_optimal(compute: float, tokens_per_param: float = 20) -> tuple[float, float]:
    n = math.sqrt(compute / (6 * tokens_per_param))  # C = 6 · N · (20 N)
    return n, tokens_per_param * n


chinchilla_compute = 6 * 70e9 * 1.4e12  # Chinchilla：70B 参数、1.4T 词元
n_opt, d_opt = chinchilla_optimal(chinchilla_compute)
print(
    f"C = {chinchilla_compute:.2e} FLOPs：最优 N = {n_opt / 1e9:.0f}B，D = {d_opt / 1e12:.1f}T 词元"
)
# > C = 5.88e+23 FLOPs：最优 N = 70B，D = 1.4T 词元
gopher_compute = 6 * 280e9 * 300e9  # Gopher：280B 参数、300B 词元，算力相近
share = gopher_compute / chinchilla_compute
print(f"Gopher 的算力是 Chinchilla 的 {share:.2f} 倍，参数是它的 4 倍，词元只有它的 1/4.7")
# > Gopher 的算力是 Chinchilla 的 0.86 倍，参数是它的 4 倍，词元只有它的 1/4.7
