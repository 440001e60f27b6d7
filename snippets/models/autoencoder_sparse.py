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
# 重构不变而 L1 缩小 c 倍。于是在不约束解码器尺度的目标“重构误差 + 0.2·L1”下，
# λ = 0 训练出的稠密编码这样缩放 100 倍后，目标值比专门按这个目标
# 训练出的稀疏编码（λ = 0.2）还低：惩罚被绕过去，目标不再偏爱稀疏。
# 解码器归一化后就绕不过去了：同一个稠密编码的目标值远高于稀疏编码
c = 100.0
with torch.no_grad():
    l1 = code.abs().sum(-1).mean(-1).view(len(lams), S)
    dense = code.view(len(lams), S, n, h)[0]
    dec0 = F.normalize(W_dec, dim=-1).view(len(lams), S, h, D)[0]
    torch.testing.assert_close((dense / c) @ (c * dec0), dense @ dec0)  # 重构不变
    sparse_obj = mse[2] + lams[2] * l1[2]
    dense_scaled_obj = mse[0] + lams[2] * l1[0] / c
    dense_normed_obj = mse[0] + lams[2] * l1[0]
print(
    f"目标“重构 + 0.2·L1”：稀疏编码 {sparse_obj.mean():.2f}；"
    f"稠密编码 {dense_normed_obj.mean():.1f}，"
    f"解码器不归一化、放大 100 倍后 {dense_scaled_obj.mean():.2f}"
)
# > 目标“重构 + 0.2·L1”：稀疏编码 0.64；稠密编码 2.1，解码器不归一化、放大 100 倍后 0.04
assert (dense_scaled_obj < sparse_obj).all() and (dense_normed_obj > sparse_obj).all()
assert (l0[0] > l0[2] + 5).all()  # 而稠密编码激活的单元多得多

# 检查 3：KL 形式的稀疏惩罚 Σ_j [ρ log(ρ/ρ̂_j) + (1−ρ) log((1−ρ)/(1−ρ̂_j))]
# （ρ̂_j 是 Sigmoid 单元的平均激活）就是 KL(Bernoulli(ρ) ‖ Bernoulli(ρ̂_j))；它只在 ρ̂_j = ρ 时为 0
rho, rho_hat = 0.05, torch.rand(h) * 0.9 + 0.05
kl_sparse = rho * torch.log(rho / rho_hat) + (1 - rho) * torch.log((1 - rho) / (1 - rho_hat))
torch.testing.assert_close(
    kl_sparse, kl_divergence(Bernoulli(torch.tensor(rho)), Bernoulli(rho_hat))
)
assert (kl_sparse > 0).all()
