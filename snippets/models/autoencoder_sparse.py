"""稀疏自编码器：隐藏层比输入宽（40 > 10），约束的不是维度，而是每个输入激活的单元数。
L1 惩罚越大，每个样本激活的单元越少、重构误差越大（5 个种子都成立）；
KL 形式的稀疏惩罚就是伯努利分布的 KL。"""

import math

import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
S, D, K, h, n = 5, 10, 20, 40, 128
lams = torch.tensor([0.0, 0.05, 0.2])  # L1 系数；3 种系数 × 5 个种子 = 15 个模型一起训练
M = len(lams) * S

# 数据：10 维空间里有 20 个“特征方向”，每个样本由其中 3 个正系数叠加而成（本身就是稀疏结构）
atoms = F.normalize(torch.randn(S, K, D), dim=-1)
idx = torch.rand(S, n, K).argsort(dim=-1)[..., :3]
coef = torch.zeros(S, n, K).scatter(-1, idx, torch.rand(S, n, 3) + 0.5)
X = (coef @ atoms).repeat(len(lams), 1, 1)  # (M, n, D)：每种系数用同样的 5 份数据
lam = lams.repeat_interleave(S)

W_enc = (torch.randn(M, D, h) / math.sqrt(D)).requires_grad_()
b_enc = torch.zeros(M, 1, h, requires_grad=True)
W_dec = torch.randn(M, h, D).requires_grad_()
b_dec = torch.zeros(M, 1, D, requires_grad=True)


def encode_decode(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    code = torch.relu((x - b_dec) @ W_enc + b_enc)  # ReLU 编码：L1 会把很多单元推到恰好为 0
    dec = F.normalize(W_dec, dim=-1)  # 解码器每一行（字典原子）归一化为单位长度
    return code, code @ dec + b_dec


opt = torch.optim.Adam([W_enc, b_enc, W_dec, b_dec], lr=0.01)
for _ in range(400):
    code, x_hat = encode_decode(X)
    mse = ((x_hat - X) ** 2).sum(-1).mean(-1)
    l1 = code.abs().sum(-1).mean(-1)
    opt.zero_grad()
    (mse + lam * l1).sum().backward()
    opt.step()

with torch.no_grad():
    code, x_hat = encode_decode(X)
    mse = ((x_hat - X) ** 2).sum(-1).mean(-1).view(len(lams), S)
    l0 = (code > 0).double().sum(-1).mean(-1).view(len(lams), S)  # 每个样本平均激活几个单元
for i, v in enumerate(lams):
    print(f"λ = {v:.2f}：平均激活 {l0[i].mean():.1f} / {h} 个单元，重构误差 {mse[i].mean():.3f}")
    # > λ = 0.00：平均激活 21.3 / 40 个单元，重构误差 0.016
    # > λ = 0.05：平均激活 13.9 / 40 个单元，重构误差 0.037
    # > λ = 0.20：平均激活 9.5 / 40 个单元，重构误差 0.128

# 检查 1：每个种子上，λ 越大，激活的单元越少，重构误差越大（稀疏与重构的权衡）
assert (l0[1:] < l0[:-1] - 2).all()
assert (mse[1:] > mse[:-1]).all()

# 检查 2：为什么要把解码器的行归一化：否则把编码缩小 c 倍、解码器放大 c 倍，
# 重构不变而 L1 缩小 c 倍，惩罚被“绕过去”，编码并不会变稀疏
c = 10.0
with torch.no_grad():
    code = torch.relu((X - b_dec) @ W_enc + b_enc)
    dec = F.normalize(W_dec, dim=-1)
    torch.testing.assert_close((code / c) @ (c * dec) + b_dec, code @ dec + b_dec)
    assert ((code / c).abs().sum() * c - code.abs().sum()).abs() < 1e-9 * code.abs().sum()
    assert ((code / c) > 0).sum() == (code > 0).sum()  # 激活的单元数一个都没少

# 检查 3：KL 形式的稀疏惩罚 Σ_j [ρ log(ρ/ρ̂_j) + (1−ρ) log((1−ρ)/(1−ρ̂_j))]
# （ρ̂_j 是 Sigmoid 单元的平均激活）就是 KL(Bernoulli(ρ) ‖ Bernoulli(ρ̂_j))；它只在 ρ̂_j = ρ 时为 0
rho, rho_hat = 0.05, torch.rand(h) * 0.9 + 0.05
kl_sparse = rho * torch.log(rho / rho_hat) + (1 - rho) * torch.log((1 - rho) / (1 - rho_hat))
torch.testing.assert_close(
    kl_sparse, kl_divergence(Bernoulli(torch.tensor(rho)), Bernoulli(rho_hat))
)
assert (kl_sparse > 0).all()
