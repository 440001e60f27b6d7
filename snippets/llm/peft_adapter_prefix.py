"""适配器、前缀微调、提示微调：参数量公式与建出的模块对照；前缀就是注意力里多出的几组 K、V。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
d, m, h, n_tok = 32, 4, 4, 6  # 模型宽度、适配器瓶颈宽度、注意力头数、序列长度


class Adapter(nn.Module):
    """Houlsby 式适配器：降维 d→m、非线性、升维 m→d，再加残差。"""

    def __init__(self, d: int, m: int) -> None:
        super().__init__()
        self.down, self.up = nn.Linear(d, m), nn.Linear(m, d)
        nn.init.zeros_(self.up.weight)  # 升维置零：初始时整个适配器是恒等映射
        nn.init.zeros_(self.up.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.up(F.gelu(self.down(x)))


# 适配器：每个 2dm + d + m 个参数；初始时是恒等映射
x = torch.randn(2, n_tok, d)
adapter = Adapter(d, m)
assert sum(p.numel() for p in adapter.parameters()) == 2 * d * m + d + m
assert torch.equal(adapter(x), x)


def prefix_attention(
    mha: nn.MultiheadAttention, x: torch.Tensor, pk: torch.Tensor, pv: torch.Tensor
) -> torch.Tensor:
    """前缀微调的一层：把可训练的 n_p 组 K、V（pk、pv，形状 n_p×d）拼到投影后的 K、V 前面。"""
    q, k, v = F.linear(x, mha.in_proj_weight, mha.in_proj_bias).chunk(3, dim=-1)
    b = x.shape[0]
    k = torch.cat([pk.expand(b, -1, -1), k], dim=1)
    v = torch.cat([pv.expand(b, -1, -1), v], dim=1)
    split = lambda t: t.unflatten(-1, (h, d // h)).transpose(1, 2)  # noqa: E731
    out = F.scaled_dot_product_attention(split(q), split(k), split(v))
    return mha.out_proj(out.transpose(1, 2).flatten(2))


# 参照：nn.MultiheadAttention(add_bias_kv=True) 给 K、V 各多加一个可学习的位置（bias_k、bias_v），
# 正是长度 n_p = 1 的前缀。它拼在序列末尾、手写的拼在开头：没有因果掩码时，
# 注意力对键值对的顺序不敏感，所以手写的前缀注意力与它逐位置一致
mha = nn.MultiheadAttention(d, h, add_bias_kv=True, batch_first=True)
ref, _ = mha(x, x, x)
mine = prefix_attention(mha, x, mha.bias_k[0], mha.bias_v[0])
torch.testing.assert_close(mine, ref)

# 前缀确实改变了输出（不是摆设）：去掉前缀的结果不同
plain = nn.MultiheadAttention(d, h, batch_first=True)
plain.load_state_dict({k: v for k, v in mha.state_dict().items() if not k.startswith("bias_")})
assert not torch.allclose(plain(x, x, x)[0], ref)


class PrefixTuning(nn.Module):
    """每层 n_p 个前缀位置，K、V 各一份：共 L·2·n_p·d 个参数。"""

    def __init__(self, L: int, n_p: int, d: int) -> None:
        super().__init__()
        self.kv = nn.ParameterList(nn.Parameter(torch.randn(2, n_p, d)) for _ in range(L))


class PromptTuning(nn.Module):
    """只在输入嵌入前拼 n_p 个可训练的“软提示”向量：共 n_p·d 个参数。"""

    def __init__(self, n_p: int, d: int) -> None:
        super().__init__()
        self.prompt = nn.Parameter(torch.randn(n_p, d))

    def forward(self, emb: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.prompt.expand(emb.shape[0], -1, -1), emb], dim=1)


L, n_p = 3, 5
assert sum(p.numel() for p in PrefixTuning(L, n_p, d).parameters()) == L * 2 * n_p * d
pt = PromptTuning(n_p, d)
assert sum(p.numel() for p in pt.parameters()) == n_p * d
assert pt(x).shape == (2, n_p + n_tok, d)  # 序列变长了 n_p 个位置

# 用 Llama-2-7B 的尺寸（d = 4096，32 层）代入：瓶颈 m = 64 的适配器每层两个、前缀 / 软提示长度 20
D, NL = 4096, 32
print(f"{NL * 2 * (2 * D * 64 + D + 64):,} {NL * 2 * 20 * D:,} {20 * D:,}")
# > 33,820,672 5,242,880 81,920
with torch.device("meta"):  # 按真实尺寸建出来数一遍（meta 设备不分配内存）
    assert sum(p.numel() for _ in range(2 * NL) for p in Adapter(D, 64).parameters()) == 33_820_672
    assert sum(p.numel() for p in PrefixTuning(NL, 20, D).parameters()) == 5_242_880
    assert sum(p.numel() for p in PromptTuning(20, D).parameters()) == 81_920
