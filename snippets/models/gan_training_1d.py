"""最小的 GAN：从噪声 z ~ N(0, 1) 学会生成 N(3, 0.5²)。交替训练：k 步判别器（假样本 detach）、
1 步生成器（非饱和损失），两个优化器各管各的参数。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
mu, sigma = 3.0, 0.5  # 目标分布 N(μ, σ²)
B, k, num_steps = 128, 1, 200


class Generator(nn.Module):
    """G(z) = b + e^s·z：仿射生成器，用 e^s 保证尺度为正。初始 b = 0、s = 0，即 N(0, 1)。"""

    def __init__(self) -> None:
        super().__init__()
        self.b = nn.Parameter(torch.zeros(1))
        self.s = nn.Parameter(torch.zeros(1))

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.b + self.s.exp() * z


G = Generator()
D = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))  # 输出 logit
opt_G = torch.optim.Adam(G.parameters(), lr=0.02, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=0.05, betas=(0.5, 0.999))
ones, zeros = torch.ones(B, 1), torch.zeros(B, 1)


def d_step() -> float:
    x = mu + sigma * torch.randn(B, 1)  # 真样本
    fake = G(torch.randn(B, 1)).detach()  # 假样本：detach，这一步不更新 G
    loss_D = F.binary_cross_entropy_with_logits(D(x), ones)
    loss_D = loss_D + F.binary_cross_entropy_with_logits(D(fake), zeros)
    opt_D.zero_grad()
    loss_D.backward()
    opt_D.step()
    return loss_D.item()


def g_step() -> None:
    fake = G(torch.randn(B, 1))  # 不 detach：梯度要穿过 D 流回 G
    loss_G = F.binary_cross_entropy_with_logits(D(fake), ones)  # 非饱和：−log D(G(z))
    opt_G.zero_grad()
    loss_G.backward()
    opt_G.step()  # 只更新 G；D 的参数虽然也算出了梯度，但不会被 opt_G 改动


for _step in range(num_steps):
    for _ in range(k):  # k 步判别器
        loss_D = d_step()
    g_step()

with torch.no_grad():
    samples = G(torch.randn(2000, 1))
    D_real = torch.sigmoid(D(mu + sigma * torch.randn(2000, 1))).mean().item()
    D_fake = torch.sigmoid(D(samples)).mean().item()
m, s = samples.mean().item(), samples.std().item()
print(f"生成样本均值 {m:.2f}，标准差 {s:.2f}；D(真) {D_real:.2f}，D(假) {D_fake:.2f}")
# > 生成样本均值 3.05，标准差 0.35；D(真) 0.50，D(假) 0.50

# 检查 1（这一次运行）：均值从 0 移到了 μ = 3 附近；标准差比目标 σ = 0.5 小，学到的分布偏窄
assert abs(m - mu) < 0.25 and 0.2 < s < 0.9 * sigma
# 检查 2：判别器已经分不清：两边的平均输出都接近 1/2，损失接近 2·log 2
assert abs(D_real - 0.5) < 0.1 and abs(D_fake - 0.5) < 0.1
assert abs(loss_D - 2 * torch.log(torch.tensor(2.0)).item()) < 0.2

# 检查 3：判别器那一步，假样本已 detach，生成器的参数拿不到梯度
G.zero_grad(set_to_none=True)
d_step()
assert all(p.grad is None for p in G.parameters())

# 检查 4：生成器那一步只改 G，不改 D（D 的梯度被算出来了，下次 d_step 先清零）
D_before = [p.detach().clone() for p in D.parameters()]
g_step()
assert all(p.grad is not None for p in D.parameters())
assert all(torch.equal(p, q) for p, q in zip(D.parameters(), D_before, strict=True))
