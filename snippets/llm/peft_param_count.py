"""参数量：Llama 式 7B 模型的 q、v 加 r = 8 的 LoRA，可训练参数约占 0.06%；公式与建出的模块对照。"""

import torch
from torch import nn

torch.manual_seed(0)


class Block(nn.Module):
    """Llama 式解码器层的参数结构：q/k/v/o 无偏置，SwiGLU 前馈三个矩阵，两个 RMSNorm。"""

    def __init__(self, d: int, d_ff: int) -> None:
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(d, d, bias=False) for _ in range(4))
        self.gate, self.up = nn.Linear(d, d_ff, bias=False), nn.Linear(d, d_ff, bias=False)
        self.down = nn.Linear(d_ff, d, bias=False)
        self.norm1, self.norm2 = nn.RMSNorm(d), nn.RMSNorm(d)


class LoRA(nn.Module):
    """一个被适配矩阵的旁路：A 为 r×d_in，B 为 d_out×r。"""

    def __init__(self, d_in: int, d_out: int, r: int) -> None:
        super().__init__()
        self.A = nn.Parameter(torch.randn(r, d_in))
        self.B = nn.Parameter(torch.zeros(d_out, r))


def build(vocab: int, d: int, d_ff: int, L: int, r: int) -> tuple[nn.Module, nn.Module]:
    """返回 (基座模型, 挂在每层 q、v 上的全部 LoRA 旁路)。"""
    model = nn.ModuleDict(
        {
            "embed": nn.Embedding(vocab, d),
            "layers": nn.ModuleList(Block(d, d_ff) for _ in range(L)),
            "norm": nn.RMSNorm(d),
            "lm_head": nn.Linear(d, vocab, bias=False),
        }
    )
    lora = nn.ModuleList(LoRA(d, d, r) for _ in range(2 * L))  # 每层 q、v 各一个
    return model, lora


def formula(vocab: int, d: int, d_ff: int, L: int, r: int) -> tuple[int, int]:
    base = 2 * vocab * d + L * (4 * d * d + 3 * d * d_ff + 2 * d) + d
    return base, L * 2 * r * (d + d)  # 每个 d×d 矩阵的旁路有 r(d + d) 个参数


def count(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())


# 检查 1：小尺寸下，公式与真的建出来的模块一致
for cfg in [(100, 16, 40, 2, 4), (50, 32, 88, 3, 8)]:
    model, lora = build(*cfg)
    assert (count(model), count(lora)) == formula(*cfg)

# 检查 2：Llama-2-7B 的配置（词表 32000、d = 4096、d_ff = 11008、32 层），在 meta 设备上
# 按真实尺寸建出整个模型（只记形状、不分配内存），数出参数，与公式一致
cfg7b = (32000, 4096, 11008, 32, 8)
with torch.device("meta"):
    model, lora = build(*cfg7b)
n_base, n_lora = count(model), count(lora)
assert (n_base, n_lora) == formula(*cfg7b)
print(f"{n_base:,} {n_lora:,} {100 * n_lora / (n_base + n_lora):.4f}%")
# > 6,738,415,616 4,194,304 0.0622%

# 检查 3：基座参数约是 LoRA 参数的 1600 倍
assert 1550 < n_base / n_lora < 1650

# 加到每层全部 7 个线性层（q、k、v、o 为 d×d，gate、up 为 d_ff×d，down 为 d×d_ff）：
# 按真实形状逐个建出 LoRA 模块来数
V, d, d_ff, L, r = cfg7b
shapes = [(d, d)] * 4 + [(d, d_ff)] * 2 + [(d_ff, d)]
with torch.device("meta"):
    n_all = count(nn.ModuleList(LoRA(i, o, r) for _ in range(L) for i, o in shapes))
print(f"{n_all:,} {n_all / n_lora:.2f}x {100 * n_all / (n_base + n_all):.3f}%")
# > 19,988,480 4.77x 0.296%
assert n_all == L * r * (4 * 2 * d + 3 * (d + d_ff))
