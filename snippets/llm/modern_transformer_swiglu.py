"""SwiGLU 前馈层：FFN(x) = W2(SiLU(W1 x) ⊙ W3 x)。三个矩阵，所以隐藏宽度取 8d/3 时参数量
与两个矩阵、宽度 4d 的普通 FFN 相同；LLaMA 再把宽度向上取到 256 的倍数：d = 4096 → 11008；
Llama 2 70B 多乘 1.3、取到 4096 的倍数：d = 8192 → 28672。"""

import torch
from torch import nn
from torch.nn import functional as F


class SwiGLU(nn.Module):
    def __init__(self, d: int, hidden: int) -> None:
        super().__init__()
        self.w1 = nn.Linear(d, hidden, bias=False)  # 门
        self.w3 = nn.Linear(d, hidden, bias=False)  # 值
        self.w2 = nn.Linear(hidden, d, bias=False)  # 输出

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


torch.manual_seed(0)
d = 12
ffn = SwiGLU(d, 32)
x = torch.randn(3, d)
a, b = x @ ffn.w1.weight.T, x @ ffn.w3.weight.T
by_hand = (a * torch.sigmoid(a) * b) @ ffn.w2.weight.T  # SiLU(a) = a·σ(a)
torch.testing.assert_close(ffn(x), by_hand)


def count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


d = 768
relu_ffn = nn.Sequential(
    nn.Linear(d, 4 * d, bias=False), nn.ReLU(), nn.Linear(4 * d, d, bias=False)
)
swiglu = SwiGLU(d, 8 * d // 3)  # 8·768/3 = 2048，整除
print(f"d={d}：4d 宽的 ReLU FFN {count(relu_ffn):,} 个参数，8d/3 宽的 SwiGLU {count(swiglu):,} 个")
# > d=768：4d 宽的 ReLU FFN 4,718,592 个参数，8d/3 宽的 SwiGLU 4,718,592 个
assert count(relu_ffn) == count(swiglu) == 8 * d * d


def llama_hidden(dim: int, multiple_of: int = 256, ffn_dim_multiplier: float | None = None) -> int:
    """LLaMA 的算法：4·dim 取 2/3（70B 再乘 1.3），向上取到 multiple_of 的倍数。"""
    hidden = int(2 * (4 * dim) / 3)
    if ffn_dim_multiplier is not None:
        hidden = int(ffn_dim_multiplier * hidden)
    return multiple_of * ((hidden + multiple_of - 1) // multiple_of)


widths = [llama_hidden(4096), llama_hidden(5120), llama_hidden(8192, 4096, 1.3)]
print("FFN 宽度：7B（d=4096）、13B（d=5120）、70B（d=8192）：", widths)
# > FFN 宽度：7B（d=4096）、13B（d=5120）、70B（d=8192）： [11008, 13824, 28672]
# Llama 2 公布的 intermediate_size（Hugging Face 配置）；
# 70B 的 params.json 里 multiple_of=4096、ffn_dim_multiplier=1.3
assert widths == [11008, 13824, 28672]
