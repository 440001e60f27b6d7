"""自注意力的计算量：投影 8nd²（随 n 线性增长），QK^T 与 AV 共 4n²d（随 n 平方增长）。
浮点运算次数由 PyTorch 自带的 FlopCounterMode 数出来，不是自己数的。"""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

d, h = 32, 4  # d_model = 32，4 个头，每头 d_k = 8
W_Q, W_K, W_V, W_O = (torch.randn(d, d) / math.sqrt(d) for _ in range(4))


def self_attention(X: torch.Tensor, h: int = h) -> tuple[torch.Tensor, torch.Tensor]:
    n, d_k = X.shape[0], d // h
    Q, K, V = ((X @ W).view(n, h, d_k).transpose(0, 1) for W in (W_Q, W_K, W_V))  # 二维 mm
    A = F.softmax(Q @ K.transpose(-2, -1) / math.sqrt(d_k), dim=-1)  # (h, n, n)，按头批量 bmm
    heads = A @ V  # (h, n, d_k)
    return heads.transpose(0, 1).reshape(n, d) @ W_O, A


def count(n: int, h: int = h) -> tuple[dict[str, int], torch.Tensor, torch.Tensor]:
    """FlopCounterMode 记录每个算子的浮点运算次数（矩阵乘法 (m×k)(k×p) 记 2mkp）。"""
    with FlopCounterMode(display=False) as counter:
        H, A = self_attention(torch.randn(n, d), h)
    ops = {str(op): v for op, v in counter.get_flop_counts()["Global"].items()}
    # 投影是 (n, d) @ (d, d) 的 aten.mm；QK^T、AV 是按头批量的 aten.bmm
    return {"proj": ops["aten.mm"], "attn": ops["aten.bmm"]}, H, A


print("n     投影      注意力    注意力/投影")
counted = {}
for n in (16, 64, 256, 1024):
    flops, H, A = count(n)
    counted[n] = flops
    print(f"{n:<5} {flops['proj']:<9} {flops['attn']:<9} {flops['attn'] / flops['proj']:g}")
    # 检查 1：数出来的与公式一致：投影 4 × 2nd²，QK^T 与 AV 各 2n²d
    assert flops["proj"] == 8 * n * d**2 and flops["attn"] == 4 * n**2 * d
    # 检查 2：分数矩阵每个头 n × n，共 h·n² 个数；Q、K、V 一共只有 3nd 个
    assert A.numel() == h * n * n and H.shape == (n, d)
# > n     投影      注意力    注意力/投影
# > 16    131072    32768     0.25
# > 64    524288    524288    1
# > 256   2097152   8388608   4
# > 1024  8388608   134217728 16

# 检查 3：比值 = 4n²d / 8nd² = n / (2d)，n > 2d = 64 之后平方项超过投影
for n, c in counted.items():
    assert c["attn"] / c["proj"] == n / (2 * d)
    assert (c["attn"] > c["proj"]) == (n > 2 * d)
# 检查 4：序列长 4 倍，注意力的计算量变成 16 倍，投影只变成 4 倍
assert counted[256]["attn"] == 16 * counted[64]["attn"]
assert counted[256]["proj"] == 4 * counted[64]["proj"]
# 检查 5：头数不影响计算量：单头（d_k = 32）与 4 头（d_k = 8）数出来的完全相同
assert count(64, h=1)[0] == counted[64]
# 检查 6：被计数的这个手写多头自注意力，与复制了同样权重的 nn.MultiheadAttention 输出一致
mha = nn.MultiheadAttention(d, h, bias=False, batch_first=True)
with torch.no_grad():
    mha.in_proj_weight.copy_(torch.cat([W_Q.T, W_K.T, W_V.T]))
    mha.out_proj.weight.copy_(W_O.T)
X = torch.randn(16, d)
torch.testing.assert_close(self_attention(X)[0], mha(X[None], X[None], X[None])[0][0])
