"""DiT 的 adaLN-Zero 块：层归一化的缩放、平移和残差分支的门控 α 都由条件 c（时间步 + 类别嵌入）
经一个线性层回归出来，这个线性层初始化为 0。核对：初始时整个块是恒等映射；第一步反向传播时
只有这个线性层拿到梯度（注意力和 MLP 被 α = 0 挡住），一步更新后块就不再是恒等映射。"""

import torch
from torch import nn

torch.manual_seed(0)
d, heads = 32, 4


class AdaLNZeroBlock(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.norm1 = nn.LayerNorm(d, elementwise_affine=False)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm2 = nn.LayerNorm(d, elementwise_affine=False)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.ada = nn.Sequential(nn.SiLU(), nn.Linear(d, 6 * d))
        nn.init.zeros_(self.ada[1].weight)  # “Zero”：回归 γ、β、α 的线性层初始化为 0
        nn.init.zeros_(self.ada[1].bias)

    def forward(self, x: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
        shift1, scale1, gate1, shift2, scale2, gate2 = self.ada(c).unsqueeze(1).chunk(6, dim=-1)
        h = self.norm1(x) * (1 + scale1) + shift1
        x = x + gate1 * self.attn(h, h, h, need_weights=False)[0]
        h = self.norm2(x) * (1 + scale2) + shift2
        return x + gate2 * self.mlp(h)


block = AdaLNZeroBlock()
x, c = torch.randn(2, 16, d), torch.randn(2, d)  # 16 个潜变量块（词元），c 是条件嵌入
identity_at_init = torch.equal(block(x, c), x)
assert identity_at_init
print("初始时输出等于输入：", identity_at_init)
# > 初始时输出等于输入： True

loss = block(x, c).pow(2).mean()
loss.backward()
attn_mlp = list(block.attn.parameters()) + list(block.mlp.parameters())
blocked = all(p.grad.abs().max() == 0 for p in attn_mlp)
ada_grad = block.ada[1].weight.grad.abs().max().item() > 0
assert blocked and ada_grad
print("第一步注意力和 MLP 的梯度全为 0：", blocked)
print("回归 γ、β、α 的线性层拿到了梯度：", ada_grad)
# > 第一步注意力和 MLP 的梯度全为 0： True
# > 回归 γ、β、α 的线性层拿到了梯度： True
with torch.no_grad():
    for p in block.parameters():
        p -= 0.1 * p.grad
after_step = torch.equal(block(x, c), x)
assert not after_step
print("更新一步后仍是恒等映射：", after_step)
# > 更新一步后仍是恒等映射： False

# 对照：回归层不置 0（PyTorch 默认初始化）时，块一开始就不是恒等映射
torch.manual_seed(0)
plain = AdaLNZeroBlock()
nn.init.kaiming_uniform_(plain.ada[1].weight, a=5**0.5)  # 与 nn.Linear 的默认初始化相同
plain_identity = torch.equal(plain(x, c), x)
assert not plain_identity
print("不置 0 时初始输出等于输入：", plain_identity)
# > 不置 0 时初始输出等于输入： False
