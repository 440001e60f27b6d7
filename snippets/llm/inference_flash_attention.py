"""FlashAttention 的分块在线 softmax：按块扫过 K/V，只保留每行的最大值 m、分母 den 和输出累加器，
结果与一次算出整个注意力矩阵的 F.scaled_dot_product_attention 相同。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, H, N, Dh = 2, 3, 37, 16  # 长度故意不是块大小的整数倍


def flash_attention(q, k, v, block=8, causal=False):
    scale = Dh**-0.5
    out = torch.empty_like(q)
    for i0 in range(0, N, block):  # 外层：一块查询
        qi = q[..., i0 : i0 + block, :] * scale
        rows = torch.arange(i0, min(i0 + block, N))
        m = torch.full(qi.shape[:-1], float("-inf"), dtype=q.dtype)  # 每行目前见过的最大分数
        den = torch.zeros(qi.shape[:-1], dtype=q.dtype)  # 每行的分母 Σ exp(s - m)
        acc = torch.zeros_like(qi)  # 每行的 Σ exp(s - m) · v
        for j0 in range(0, N, block):  # 内层：一块键值，整个 N×N 矩阵从不出现
            if causal and j0 > rows[-1]:
                break  # 这一块全在对角线右上方，被掩码掉，直接跳过
            s = qi @ k[..., j0 : j0 + block, :].transpose(-2, -1)
            if causal:
                cols = torch.arange(j0, min(j0 + block, N))
                s = s.masked_fill(cols[None, :] > rows[:, None], float("-inf"))
            m_new = torch.maximum(m, s.amax(-1))
            p = torch.exp(s - m_new[..., None])
            corr = torch.exp(m - m_new)  # 旧的累加量按新的最大值重新缩放
            den = den * corr + p.sum(-1)
            acc = acc * corr[..., None] + p @ v[..., j0 : j0 + block, :]
            m = m_new
        out[..., i0 : i0 + block, :] = acc / den[..., None]
    return out


q, k, v = (torch.randn(B, H, N, Dh) for _ in range(3))
for causal in (False, True):
    ref = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    for block in (1, 8, 16, 64):
        torch.testing.assert_close(flash_attention(q, k, v, block, causal), ref)

# 在线 softmax 也不怕大分数：分数大到直接 exp 会溢出成 inf，减去当前最大值后不会
# （用 float64：分数上千时 float32 的舍入误差会被 exp 放大，两种实现都只剩几位有效数字）
q64, k64, v64 = q.double() * 1000, k.double(), v.double()
assert torch.isinf(torch.exp(q64 @ k64.transpose(-2, -1) * Dh**-0.5)).any()
ref = F.scaled_dot_product_attention(q64, k64, v64)
torch.testing.assert_close(flash_attention(q64, k64, v64), ref)
