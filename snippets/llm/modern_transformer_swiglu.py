"""SwiGLU 前馈层：FFN(x) = W2(SiLU(W1 x) ⊙ W3 x)。三个矩阵，所以隐藏宽度取 8d/3 时参数量
与两个矩阵、宽度 4d 的普通 FFN 相同；LLaMA 再把宽度向上取到 256 的倍数：d = 4096 → 11008。"""

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


def llama_hidden(dim: int, multiple_of: int = 256) -> int:
    """LLaMA 代码里的算法：4·dim 取 2/3，再向上取到 multiple_of 的倍数。"""
    hidden = int(2 * (4 * dim) / 3)
    return multiple_of * ((hidden + multiple_of - 1) // multiple_of)


print("LLaMA 7B（d=4096）的 FFN 宽度：", llama_hidden(4096))
# > LLaMA 7B（d=4096）的 FFN 宽度： 11008
assert llama_hidden(4096) == 11008  # Llama 2 7B 公布的 intermediate_size
