"""判别器最优时 V(D*, G) = −log 4 + 2·JS(p_data ‖ p_g)；
p_g = p_data 时取到全局最小值 −log 4，此时 D* ≡ 1/2。"""

import math

import torch
import torch.nn.functional as F
from torch.distributions import Normal

torch.set_default_dtype(torch.float64)
x = torch.linspace(-15, 15, 30001)  # 积分网格，梯形公式
lp = Normal(0.0, 1.0).log_prob(x)  # log p_data，p_data = N(0, 1)


def V_at_optimum(lq: torch.Tensor) -> torch.Tensor:
    """V(D*, G) = ∫ p_data·log D* + p_g·log(1 − D*)，D* 的 logit 是 log p_data − log p_g。"""
    logit = lp - lq
    f = lp.exp() * F.logsigmoid(logit) + lq.exp() * F.logsigmoid(-logit)
    return torch.trapezoid(f, x)


def kl(la: torch.Tensor, lb: torch.Tensor) -> torch.Tensor:
    """KL(a ‖ b) = ∫ a·log(a / b)，输入是对数密度。"""
    return torch.trapezoid(la.exp() * (la - lb), x)


def js(la: torch.Tensor, lb: torch.Tensor) -> torch.Tensor:
    """按定义：JS = ½·KL(a ‖ m) + ½·KL(b ‖ m)，m = (a + b)/2。"""
    lm = torch.logaddexp(la, lb) - math.log(2)
    return 0.5 * kl(la, lm) + 0.5 * kl(lb, lm)


lq = Normal(1.5, 0.7).log_prob(x)  # log p_g，p_g = N(1.5, 0.7²)
print(f"V(D*, G) = {V_at_optimum(lq).item():.4f}, JS = {js(lp, lq).item():.4f}")
# > V(D*, G) = -0.8108, JS = 0.2878

# 检查 1：V(D*, G) = −log 4 + 2·JS，JS 按定义独立算出
torch.testing.assert_close(V_at_optimum(lq), -math.log(4) + 2 * js(lp, lq))

# 检查 2：p_g = p_data 时 D* ≡ 1/2，V = −log 4，JS = 0
torch.testing.assert_close(torch.sigmoid(lp - lp), torch.full_like(x, 0.5))
torch.testing.assert_close(V_at_optimum(lp), torch.tensor(-math.log(4)))
assert abs(js(lp, lp).item()) < 1e-12

# 检查 3：别的 p_g 都让 C(G) = max_D V 更大，JS 在 (0, log 2] 之间；离得越远越接近 log 2
for mu, sigma in [(0.0, 0.5), (0.0, 2.0), (-1.0, 1.0), (1.5, 0.7), (10.0, 1.0)]:
    lq_ = Normal(mu, sigma).log_prob(x)
    assert V_at_optimum(lq_).item() > -math.log(4) + 1e-3
    assert 0 < js(lp, lq_).item() <= math.log(2) + 1e-9
# p_g = N(μ, 1)：μ = 1、3、10 时 JS 单调增大，μ = 10 时离 log 2 已不到 1e-5
js_far = [js(lp, Normal(mu, 1.0).log_prob(x)).item() for mu in (1.0, 3.0, 10.0)]
assert js_far[0] < js_far[1] < js_far[2] and math.log(2) - js_far[2] < 1e-5

# 检查 4：生成器的梯度（D* 固定不动，对 p_g 的参数 θ = (μ, σ) 求导）
theta = torch.tensor([1.5, 0.7], requires_grad=True)
lq_t = Normal(theta[0], theta[1]).log_prob(x)
log_D = F.logsigmoid(lp - lq_t).detach()  # D* 按当前 p_g 算好后当常数
log_1mD = F.logsigmoid(lq_t - lp).detach()


def E_g(f: torch.Tensor) -> torch.Tensor:
    """E_{x~p_g}[f(x)]：只有 p_g 依赖 θ。"""
    return torch.trapezoid(lq_t.exp() * f, x)


def grad(y: torch.Tensor) -> torch.Tensor:
    return torch.autograd.grad(y, theta, retain_graph=True)[0]


# 饱和损失 E[log(1 − D*)]：梯度 = 2·JS 的梯度（包络定理：D 的变化不贡献一阶项）
torch.testing.assert_close(grad(E_g(log_1mD)), grad(2 * js(lp, lq_t)))
# 非饱和损失 E[−log D*]：梯度 = KL(p_g ‖ p_data) − 2·JS 的梯度（Arjovsky & Bottou 2017）
torch.testing.assert_close(grad(E_g(-log_D)), grad(kl(lq_t, lp) - 2 * js(lp, lq_t)))
