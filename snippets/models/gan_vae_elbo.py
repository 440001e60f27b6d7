"""VAE 最大化的是 ELBO（证据下界），不是对数似然本身：ELBO ≤ log p(x)，
差距正好是 KL(q(z|x) ‖ p(z|x))。用一个能算出精确 log p(x) 的线性高斯模型验证。"""

import math

import torch
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 生成模型（“解码器”）：z ~ N(0, 1)，x | z ~ N(w·z, s²)；边缘分布 p(x) = N(0, w² + s²)
w, s, x = 2.0, 0.5, torch.tensor(1.3)
log_px = Normal(0.0, math.sqrt(w**2 + s**2)).log_prob(x)
# 真实后验 p(z | x) 也是高斯（线性高斯模型的共轭性）
post = Normal(w * x / (w**2 + s**2), math.sqrt(s**2 / (w**2 + s**2)))


def elbo(m: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """q(z|x) = N(m, v)（“编码器”的输出）时的 ELBO = E_q[log p(x|z)] − KL(q ‖ p(z))，闭式解。"""
    recon = -0.5 * math.log(2 * math.pi * s**2) - ((x - w * m) ** 2 + w**2 * v) / (2 * s**2)
    kl = 0.5 * (v + m**2 - 1 - torch.log(v))
    return recon - kl


elbo_post = elbo(post.mean, post.variance)
print(f"log p(x) = {log_px.item():.4f}, 真后验处 ELBO = {elbo_post.item():.4f}")
# > log p(x) = -1.8412, 真后验处 ELBO = -1.8412
print(f"随便一个 q = N(0, 1) 的 ELBO = {elbo(torch.tensor(0.0), torch.tensor(1.0)).item():.4f}")
# > 随便一个 q = N(0, 1) 的 ELBO = -11.6058

# 检查 1：KL 项的闭式解与 torch.distributions 一致
q = Normal(torch.tensor(0.3), torch.tensor(0.8))
torch.testing.assert_close(
    0.5 * (q.variance + q.mean**2 - 1 - q.variance.log()), kl_divergence(q, Normal(0.0, 1.0))
)
# 检查 2：任意 q 的 ELBO 都不超过 log p(x)，差距 = KL(q ‖ 真后验)
for m, sd in [(0.0, 1.0), (0.3, 0.8), (1.0, 0.1), (-0.5, 2.0)]:
    m, sd = torch.tensor(m), torch.tensor(sd)
    gap = log_px - elbo(m, sd**2)
    assert gap > 0
    torch.testing.assert_close(gap, kl_divergence(Normal(m, sd), post))
# 检查 3：q 等于真后验时 ELBO = log p(x)（下界是紧的）
torch.testing.assert_close(elbo_post, log_px)
# 检查 4：重参数化 z = m + √v·ε 的蒙特卡洛估计与闭式解一致（VAE 训练时就这样估计）
m, v = torch.tensor(0.5), torch.tensor(0.09)
z = m + v.sqrt() * torch.randn(50_000)
mc = Normal(w * z, s).log_prob(x) + Normal(0.0, 1.0).log_prob(z) - Normal(m, v.sqrt()).log_prob(z)
assert abs(mc.mean() - elbo(m, v)) < 0.02  # 标准误约 0.003
