"""最大似然视角：交叉熵 = 类别分布的负对数似然（NLL），BCE = 伯努利分布的 NLL，
MSE = 方差固定的高斯分布 NLL 去掉常数再乘系数，MAE 对应拉普拉斯分布。
用 torch.distributions 作参照。"""

import math

import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Categorical, Laplace, Normal

torch.manual_seed(0)
N, K = 6, 4
logits, y = torch.randn(N, K), torch.randint(0, K, (N,))
z, t = torch.randn(N), torch.randint(0, 2, (N,)).float()
y_hat, target = torch.randn(N), torch.randn(N)  # 回归：预测值与真实值

# 高斯 NLL：−log N(y; ŷ, σ²) = (y − ŷ)²/(2σ²) + log σ + ½ log 2π
sigma = 2.0
gauss_nll = -Normal(y_hat, sigma).log_prob(target).mean()
mse = F.mse_loss(y_hat, target)
print(f"{gauss_nll.item():.4f} {mse.item():.4f}")
# > 1.7809 1.3505

# 拉普拉斯 NLL：−log Laplace(y; ŷ, b) = |y − ŷ|/b + log 2b
b = 0.5
laplace_nll = -Laplace(y_hat, b).log_prob(target).mean()

# 检查：交叉熵 = 类别分布的平均负对数似然
torch.testing.assert_close(
    F.cross_entropy(logits, y), -Categorical(logits=logits).log_prob(y).mean()
)
# 检查：BCE = 伯努利分布的平均负对数似然
torch.testing.assert_close(
    F.binary_cross_entropy_with_logits(z, t), -Bernoulli(logits=z).log_prob(t).mean()
)
# 检查：高斯 NLL = MSE/(2σ²) + 常数；F.gaussian_nll_loss(full=True) 算的也是它
const = math.log(sigma) + 0.5 * math.log(2 * math.pi)
torch.testing.assert_close(gauss_nll, mse / (2 * sigma**2) + const)
var = torch.full((N,), sigma**2)
torch.testing.assert_close(gauss_nll, F.gaussian_nll_loss(y_hat, target, var, full=True))
# 检查：拉普拉斯 NLL = MAE/b + 常数
torch.testing.assert_close(laplace_nll, F.l1_loss(y_hat, target) / b + math.log(2 * b))
