"""正交初始化：W Wᵀ = I，每一层都严格保持向量长度；5 层线性网络的奇异值全是 1，
而同样方差的高斯初始化虽然“平均”保持长度，奇异值却越乘越分散。配 ReLU 时仍要乘增益 √2。"""

import torch
from torch import nn

torch.manual_seed(0)

n, L = 64, 5
W = nn.init.orthogonal_(torch.empty(n, n))
x = torch.randn(n)

P_orth = torch.eye(n)
for _ in range(L):
    P_orth = nn.init.orthogonal_(torch.empty(n, n)) @ P_orth
s_orth = torch.linalg.svdvals(P_orth)
print(f"{s_orth.max().item():.4f} {s_orth.min().item():.4f}")
# > 1.0000 1.0000

# 对照：Var(w) = 1/n 的高斯矩阵（前向方差“平均”不变），换 5 个随机种子各乘 5 层
s_gauss = []
for seed in range(5):
    torch.manual_seed(seed)
    P_gauss = torch.eye(n, dtype=torch.float64)  # float64：奇异值跨度很大
    for _ in range(L):
        P_gauss = (torch.randn(n, n, dtype=torch.float64) / n**0.5) @ P_gauss
    s_gauss.append(torch.linalg.svdvals(P_gauss))
spread = [(s.max() / s.min()).item() for s in s_gauss]
print(" ".join(f"{r:.0e}" for r in spread))
# > 4e+08 2e+07 1e+07 1e+07 1e+08

# 有非线性时：15 层 ReLU 网络，正交矩阵（增益 1）每层仍丢掉一半能量；乘 ReLU 的增益 √2 才保持
torch.manual_seed(0)
X = torch.randn(64, 256)


def relu_net_ratio(gain: float) -> float:
    h, stds = X, []
    for _ in range(15):
        z = h @ nn.init.orthogonal_(torch.empty(256, 256), gain=gain).T
        stds.append(z.std().item())
        h = torch.relu(z)
    return stds[-1] / stds[0]


ratio_gain1, ratio_gain_relu = relu_net_ratio(1.0), relu_net_ratio(2**0.5)

# 检查：正交矩阵 W Wᵀ = I，且 ‖Wx‖ = ‖x‖
torch.testing.assert_close(W @ W.T, torch.eye(n), atol=1e-5, rtol=0)
torch.testing.assert_close((W @ x).norm(), x.norm())
# 检查：5 个正交矩阵的乘积仍是正交的，奇异值都是 1
torch.testing.assert_close(s_orth, torch.ones(n), atol=1e-4, rtol=0)
for s in s_gauss:
    # 检查：高斯初始化的乘积平均保持长度：奇异值平方的均值（= 随机方向上 ‖Px‖²/‖x‖² 的期望）接近 1
    assert 0.7 < (s**2).mean().item() < 1.3
    # 检查：但最大与最小奇异值相差 10^7 倍以上（某些方向被放大，某些几乎被抹掉）；
    # 这个比值随种子波动很大，这 5 个种子在 1e7 到 4e8 之间
    assert 1e7 < s.max() / s.min() < 1e9
# 检查：ReLU 网络里增益 1 的正交初始化 14 层后缩小到约 (1/√2)^14 = 2^-7（相差不到 2 倍），
# 增益 √2 时与第 1 层相差不到 2 倍
assert 0.5 < ratio_gain1 / 2**-7 < 2
assert 0.5 < ratio_gain_relu < 2
