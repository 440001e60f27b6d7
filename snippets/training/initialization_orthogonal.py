"""正交初始化：W Wᵀ = I，每一层都严格保持向量长度；5 层线性网络的奇异值全是 1，
而同样方差的高斯初始化虽然“平均”保持长度，奇异值却越乘越分散。"""

import torch
from torch import nn

torch.manual_seed(0)

n, L = 64, 5
W = nn.init.orthogonal_(torch.empty(n, n))
x = torch.randn(n)

P_orth, P_gauss = torch.eye(n), torch.eye(n, dtype=torch.float64)  # float64：奇异值跨度很大
for _ in range(L):
    P_orth = nn.init.orthogonal_(torch.empty(n, n)) @ P_orth
    # Var(w) = 1/n：前向方差“平均”不变
    P_gauss = (torch.randn(n, n, dtype=torch.float64) / n**0.5) @ P_gauss
s_orth = torch.linalg.svdvals(P_orth)
s_gauss = torch.linalg.svdvals(P_gauss)
print(f"{s_orth.max().item():.4f} {s_orth.min().item():.4f}")
# > 1.0000 1.0000
print(f"{s_gauss.max().item():.1e} {s_gauss.min().item():.1e}")
# > 3.4e+00 1.2e-08

# 检查：正交矩阵 W Wᵀ = I，且 ‖Wx‖ = ‖x‖
torch.testing.assert_close(W @ W.T, torch.eye(n), atol=1e-5, rtol=0)
torch.testing.assert_close((W @ x).norm(), x.norm())
# 检查：5 个正交矩阵的乘积仍是正交的，奇异值都是 1
torch.testing.assert_close(s_orth, torch.ones(n), atol=1e-4, rtol=0)
# 检查：高斯初始化的乘积平均保持长度：奇异值平方的均值（= 随机方向上 ‖Px‖²/‖x‖² 的期望）接近 1
assert 0.7 < (s_gauss**2).mean().item() < 1.3
# 检查：但最大与最小奇异值相差 10^8 倍以上（某些方向被放大，某些几乎被抹掉）
assert s_gauss.max() / s_gauss.min() > 1e8
