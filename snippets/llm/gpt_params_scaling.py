"""GPT 的参数量与训练计算量。在 meta 设备上按配置搭出 GPT-1、GPT-2（small、XL）和 GPT-3 175B，
数出参数（输出层与词嵌入共享，不另算）；用 FlopCounterMode 数一次前向 + 反向的浮点运算，验证
C ≈ 6ND；再用“每个参数约 20 个词元”和 C = 6ND 反推 Hoffmann 等（2022）表 3 的算力最优模型大小。"""

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


def gpt_params(vocab: int, ctx: int, d: int, layers: int, final_ln: bool = True) -> int:
    with torch.device("meta"):
        wte, wpe = nn.Embedding(vocab, d), nn.Embedding(ctx, d)
        blocks = nn.ModuleList(GPTBlock(d) for _ in range(layers))
        ln_f = nn.LayerNorm(d) if final_ln else nn.Identity()  # GPT-1 是 Post-LN，没有最后的 LN
    return sum(p.numel() for m in (wte, wpe, blocks, ln_f) for p in m.parameters())


# GPT-1：40,000 次 BPE 合并得到的词表 40,478，上下文 512（openai-gpt 的配置）
gpt1 = gpt_params(vocab=40478, ctx=512, d=768, layers=12, final_ln=False)
gpt2_small = gpt_params(vocab=50257, ctx=1024, d=768, layers=12)
gpt2_xl = gpt_params(vocab=50257, ctx=1024, d=1600, layers=48)
gpt3 = gpt_params(vocab=50257, ctx=2048, d=12288, layers=96)
print(f"GPT-1 {gpt1 / 1e6:.1f}M，GPT-2 small {gpt2_small:,}，GPT-2 XL {gpt2_xl:,}")
# > GPT-1 116.5M，GPT-2 small 124,439,808，GPT-2 XL 1,557,611,200
print(f"GPT-3 {gpt3 / 1e9:.1f}B，其中 12·L·d² 占 {12 * 96 * 12288**2 / gpt3:.1%}")
# > GPT-3 174.6B，其中 12·L·d² 占 99.6%
assert abs(gpt1 / 117e6 - 1) < 0.01  # GPT-2 论文表 2：与 GPT-1 同大小的模型 117M
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

# Kaplan 等（2020）：L(N) ∝ N^-0.076；算力最优时 N ∝ C^0.73，D ∝ C^0.27
print(f"参数 ×10：L(N) ×{10**-0.076:.2f}；算力 ×10：最优 N ×{10**0.73:.1f}，D ×{10**0.27:.1f}")
# > 参数 ×10：L(N) ×0.84；算力 ×10：最优 N ×5.4，D ×1.9


# Chinchilla（Hoffmann 等，2022）：算力最优时参数与词元同比增长，约 20 个词元/参数
def chinchilla_optimal(compute: float, tokens_per_param: float = 20) -> tuple[float, float]:
    n = math.sqrt(compute / (6 * tokens_per_param))  # C = 6 · N · (20 N)
    return n, tokens_per_param * n


# 论文表 3（方法 1 的估计）：参数、训练 FLOPs、训练词元
table3 = [(400e6, 1.92e19, 8.0e9), (1e9, 1.21e20, 20.2e9), (10e9, 1.23e22, 205.1e9),
          (67e9, 5.76e23, 1.5e12), (175e9, 3.85e24, 3.7e12), (280e9, 9.90e24, 5.9e12),
          (520e9, 3.43e25, 11.0e12), (1e12, 1.27e26, 21.2e12),
          (10e12, 1.30e28, 216.2e12)]  # fmt: skip
per_param = [d / n for n, _, d in table3]
print(f"表 3 的 {len(table3)} 行：每个参数 {min(per_param):.1f}–{max(per_param):.1f} 个词元")
# > 表 3 的 9 行：每个参数 20.0–22.4 个词元
assert all(abs(chinchilla_optimal(c)[0] / n - 1) < 0.05 for n, c, _ in table3)  # 反推的 N 差 < 5%
assert all(abs(chinchilla_optimal(c)[1] / d - 1) < 0.08 for n, c, d in table3)

gopher_budget = 5.76e23  # 论文里 Gopher 的算力预算（FLOPs）
n_opt, d_opt = chinchilla_optimal(gopher_budget)
print(f"Gopher 的算力下：最优 N ≈ {n_opt / 1e9:.0f}B，D ≈ {d_opt / 1e12:.1f}T 词元")
# > Gopher 的算力下：最优 N ≈ 69B，D ≈ 1.4T 词元
chinchilla, gopher = 6 * 70e9 * 1.4e12, 6 * 280e9 * 300e9  # 按 6ND：70B/1.4T 与 280B/300B
print(f"按 6ND：Chinchilla {chinchilla:.1e}，Gopher {gopher:.1e} FLOPs；参数差 "
      f"{280e9 / 70e9:.0f} 倍，词元差 {1.4e12 / 300e9:.1f} 倍")  # fmt: skip
# > 按 6ND：Chinchilla 5.9e+23，Gopher 5.0e+23 FLOPs；参数差 4 倍，词元差 4.7 倍
