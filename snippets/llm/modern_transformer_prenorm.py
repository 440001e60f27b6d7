"""Pre-LN 与 Post-LN：同样的子层，LN 放的位置不同。
Pre-LN 的残差流 x + F(LN(x)) 里有一条不经过任何 LN 的恒等路径：子层输出为 0 时块就是恒等映射；
代价是残差流不再被归一化，越往后越大，所以整个堆叠的末尾要再加一个 LN。
Post-LN 每层输出都经过 LN。"""

import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, d: int, pre_ln: bool) -> None:
        super().__init__()
        self.pre_ln = pre_ln
        self.attn = nn.MultiheadAttention(d, 4, batch_first=True)
        self.ffn = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.pre_ln:  # x + F(LN(x))
            h = self.ln1(x)
            x = x + self.attn(h, h, h, need_weights=False)[0]
            return x + self.ffn(self.ln2(x))
        x = self.ln1(x + self.attn(x, x, x, need_weights=False)[0])  # LN(x + F(x))
        return self.ln2(x + self.ffn(x))


def rms(t: torch.Tensor) -> float:
    return t.pow(2).mean().sqrt().item()


# 1. 子层的输出投影置零：Pre-LN 块恰好是恒等映射，Post-LN 块是 LN(x) ≠ x
torch.manual_seed(0)
x = 3 * torch.randn(2, 5, 16)
for pre_ln in (True, False):
    block = Block(16, pre_ln)
    for linear in (block.attn.out_proj, block.ffn[2]):
        nn.init.zeros_(linear.weight)
        nn.init.zeros_(linear.bias)
    print(
        f"{'Pre-LN ' if pre_ln else 'Post-LN'} 子层输出为 0 时，块是恒等映射：",
        torch.equal(block(x), x),
    )
# > Pre-LN  子层输出为 0 时，块是恒等映射： True
# > Post-LN 子层输出为 0 时，块是恒等映射： False

# 2. 随机初始化的 24 层堆叠：Pre-LN 的残差流越来越大，Post-LN 每层输出的 RMS 都是 1（5 个种子）
for seed in range(5):
    torch.manual_seed(seed)
    h_pre = h_post = torch.randn(4, 16, 64)
    pre_blocks = [Block(64, True) for _ in range(24)]
    post_blocks = [Block(64, False) for _ in range(24)]
    pre_rms, post_rms = [], []
    with torch.no_grad():
        for pre_block, post_block in zip(pre_blocks, post_blocks, strict=True):
            h_pre, h_post = pre_block(h_pre), post_block(h_post)
            pre_rms.append(rms(h_pre))
            post_rms.append(rms(h_post))
    assert pre_rms[-1] > 1.5 * pre_rms[0] and all(abs(r - 1) < 1e-3 for r in post_rms)
    if seed == 0:
        print("Pre-LN 第 1、12、24 层后的 RMS：", [round(pre_rms[i], 1) for i in (0, 11, 23)])
        print("Post-LN 第 1、12、24 层后的 RMS：", [round(post_rms[i], 1) for i in (0, 11, 23)])
# > Pre-LN 第 1、12、24 层后的 RMS： [1.0, 1.4, 1.8]
# > Post-LN 第 1、12、24 层后的 RMS： [1.0, 1.0, 1.0]
