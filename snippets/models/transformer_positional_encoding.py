"""正弦位置编码：值在 [-1, 1]；PE(pos+k) 是 PE(pos) 的旋转；点积只依赖 k；各位置互不相同。"""

import math

import torch

L, d = 64, 16  # 位置个数、d_model
pos = torch.arange(L, dtype=torch.float64)[:, None]  # (L, 1)
i = torch.arange(d // 2, dtype=torch.float64)  # 第 i 对维度：2i 和 2i+1
omega = 1.0 / 10000 ** (2 * i / d)  # 角频率 ω_i = 1 / 10000^{2i/d}

PE = torch.zeros(L, d, dtype=torch.float64)
PE[:, 0::2] = torch.sin(pos * omega)  # PE(pos, 2i)   = sin(pos·ω_i)
PE[:, 1::2] = torch.cos(pos * omega)  # PE(pos, 2i+1) = cos(pos·ω_i)

# 另一种常见写法（PyTorch 官方教程）：用 exp、log 算 1/10000^{2i/d}
div_term = torch.exp(torch.arange(0, d, 2, dtype=torch.float64) * (-math.log(10000.0) / d))


def R(k: int) -> torch.Tensor:
    """每对 (sin, cos) 旋转 k·ω_i 的块对角矩阵，只依赖偏移 k。"""
    M = torch.zeros(d, d, dtype=torch.float64)
    c, s = torch.cos(k * omega), torch.sin(k * omega)
    M[0::2, 0::2], M[0::2, 1::2] = torch.diag(c), torch.diag(s)  # sin' = sin·cos + cos·sin
    M[1::2, 0::2], M[1::2, 1::2] = torch.diag(-s), torch.diag(c)  # cos' = cos·cos - sin·sin
    return M


dots = [(PE[0] @ PE[k]).item() for k in (0, 1, 2, 4, 8, 16)]
print(" ".join(f"{v:.2f}" for v in dots))
# > 8.00 7.49 6.37 5.56 4.70 4.21

# 检查 1：两种写法一致；每个值都在 [-1, 1] 内
torch.testing.assert_close(omega, div_term)
assert PE.abs().max() <= 1
# 检查 2：PE(pos+k) = R(k) · PE(pos)，R(k) 对所有 pos 是同一个矩阵（线性、只依赖 k）
for k in (1, 3, 10):
    for p in (0, 5, 20, 40):
        torch.testing.assert_close(PE[p + k], R(k) @ PE[p])
    torch.testing.assert_close(R(k) @ R(k).T, torch.eye(d, dtype=torch.float64))  # 正交：是旋转
# 检查 3：每个位置的模长相同，‖PE(pos)‖² = d/2（每对 sin² + cos² = 1）
torch.testing.assert_close(PE.pow(2).sum(1), torch.full((L,), d / 2, dtype=torch.float64))
# 检查 4：PE(pos)·PE(pos+k) = Σ_i cos(k·ω_i)，只依赖 k，且 k 与 -k 相同（点积分不出前后）
for k in (1, 2, 7):
    closed_form = torch.cos(k * omega).sum()
    for p in (10, 25, 40):
        torch.testing.assert_close(PE[p] @ PE[p + k], closed_form)
        torch.testing.assert_close(PE[p] @ PE[p - k], closed_form)
# 检查 5：不同位置的编码两两不同（最小距离明显大于 0）
dist = torch.cdist(PE, PE) + torch.eye(L, dtype=torch.float64) * 1e9
assert dist.min() > 0.1
# 只看最高频的一对维度，位置 0 和 44 几乎重合（44 ≈ 7·2π）；是低频维度把它们分开
assert (PE[44, :2] - PE[0, :2]).norm() < 0.02 and (PE[44] - PE[0]).norm() > 1
