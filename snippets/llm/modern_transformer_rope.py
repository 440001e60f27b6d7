"""旋转位置编码（RoPE）：把向量每两维看成一个复数，位置 m 处乘以 e^{i m θ_j}，θ_j = 10000^{-2j/d}。
两种写法（二维旋转矩阵、复数乘法）结果相同；旋转不改变长度；旋转后 q_m·k_n 只取决于 m − n。
Hugging Face 式的前后半配对（rotate_half）在把维度按转换脚本置换后与相邻配对等价，不置换则不同。
对照：把正弦位置编码加到向量上（原始 Transformer 的做法），点积还取决于绝对位置。"""

import torch

torch.manual_seed(0)
d, base = 16, 10000.0
theta = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)  # d/2 个频率


def rope_rotation(x: torch.Tensor, m: int) -> torch.Tensor:
    """第 j 对 (x_2j, x_2j+1) 旋转角度 m·θ_j。"""
    cos, sin = torch.cos(m * theta), torch.sin(m * theta)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = torch.empty_like(x)
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = even * sin + odd * cos
    return out


def rope_complex(x: torch.Tensor, m: int) -> torch.Tensor:
    """同一件事的复数写法：(x_2j + i·x_2j+1) · e^{i m θ_j}。"""
    z = torch.view_as_complex(x.reshape(*x.shape[:-1], -1, 2).contiguous())
    return torch.view_as_real(z * torch.polar(torch.ones_like(theta), m * theta)).flatten(-2)


q, k = torch.randn(d, dtype=torch.float64), torch.randn(d, dtype=torch.float64)
for m in (0, 1, 7, 300):
    torch.testing.assert_close(rope_rotation(q, m), rope_complex(q, m))
    torch.testing.assert_close(rope_rotation(q, m).norm(), q.norm())


def score(m: int, n: int) -> float:
    return (rope_rotation(q, m) @ rope_rotation(k, n)).item()


# 同一个相对距离 m − n = 3，换不同的绝对位置，分数不变
same_offset = [score(m, m - 3) for m in (3, 10, 100, 1000)]
assert max(same_offset) - min(same_offset) < 1e-9
print(f"m − n = 3 时的分数：{same_offset[0]:.4f}（m = 3、10、100、1000 都一样）")
# > m − n = 3 时的分数：-5.4044（m = 3、10、100、1000 都一样）
assert abs(score(10, 7) - score(10, 5)) > 1e-3  # 换一个相对距离，分数就变了


# Hugging Face transformers 的写法（rotate_half）：第 j 维与第 j + d/2 维配成一对
def rope_half(x: torch.Tensor, m: int) -> torch.Tensor:
    cos, sin = torch.cos(m * theta).repeat(2), torch.sin(m * theta).repeat(2)
    x1, x2 = x[..., : d // 2], x[..., d // 2 :]
    return x * cos + torch.cat((-x2, x1), dim=-1) * sin


# 转换脚本的 permute：每个头内 view(d/2, 2) 再转置，把 (0, 2, 4, …) 排到前半、(1, 3, 5, …) 排到后半
perm = torch.arange(d).view(d // 2, 2).T.reshape(-1)
for m, n in ((10, 7), (300, 2)):
    torch.testing.assert_close(rope_half(q[perm], m), rope_rotation(q, m)[perm])
    hf = (rope_half(q[perm], m) @ rope_half(k[perm], n)).item()
    assert abs(hf - score(m, n)) < 1e-9  # 置换后分数完全相同
    unpermuted = (rope_half(q, m) @ rope_half(k, n)).item()
    assert abs(unpermuted - score(m, n)) > 1e-2  # 不置换就直接套，分数不同


# 对照：加性的正弦位置编码（原始 Transformer），点积随绝对位置变化
def sinusoid(m: int) -> torch.Tensor:
    pe = torch.empty(d, dtype=torch.float64)
    pe[0::2], pe[1::2] = torch.sin(m * theta), torch.cos(m * theta)
    return pe


additive = [((q + sinusoid(m)) @ (k + sinusoid(m - 3))).item() for m in (3, 10, 100, 1000)]
print(f"加性位置编码，m − n = 3：分数从 {min(additive):.2f} 到 {max(additive):.2f}")
# > 加性位置编码，m − n = 3：分数从 -5.50 到 1.09
assert max(additive) - min(additive) > 0.1
