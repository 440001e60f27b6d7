"""WGAN 的动机与两种 Lipschitz 约束：两个分布离得很远时 JS 卡在 log 2、梯度消失，
Wasserstein 距离仍有梯度；梯度惩罚（WGAN-GP）和谱归一化把判别器约束成 1-Lipschitz。"""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 1) p_data = N(0, 1)，p_g = N(θ, 1)：θ 越大两者越“不重叠”
x = torch.linspace(-12, 40, 52001)
lp = Normal(0.0, 1.0).log_prob(x)


def js_and_w1(theta: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    lq = Normal(theta, 1.0).log_prob(x)
    lm = torch.logaddexp(lp, lq) - math.log(2)
    js = 0.5 * torch.trapezoid(lp.exp() * (lp - lm) + lq.exp() * (lq - lm), x)  # JS 的定义
    # 一维时 W1 = ∫ |F_data(x) − F_g(x)| dx（两个累积分布函数之差的面积）
    w1 = torch.trapezoid((Normal(0.0, 1.0).cdf(x) - Normal(theta, 1.0).cdf(x)).abs(), x)
    return js, w1


rows = []
for t in [1.0, 5.0, 20.0]:
    theta = torch.tensor(t, requires_grad=True)
    js, w1 = js_and_w1(theta)
    g_js, g_w1 = (torch.autograd.grad(v, theta, retain_graph=True)[0].item() for v in (js, w1))
    js, w1 = js.item(), w1.item()
    rows.append((js, g_js, w1, g_w1))
    # θ = 20 时 JS 的梯度只剩 1e-18 量级的数值噪声（正负都可能），只印出它小于 1e-12
    d_js = f"{g_js:.4f}" if abs(g_js) > 1e-12 else "< 1e-12"
    print(f"θ = {t:>4}: JS {js:.4f}，dJS/dθ {d_js}；W1 {w1:.2f}，dW1/dθ {g_w1:.2f}")
# > θ =  1.0: JS 0.1114，dJS/dθ 0.1990；W1 1.00，dW1/dθ 1.00
# > θ =  5.0: JS 0.6759，dJS/dθ 0.0237；W1 5.00，dW1/dθ 1.00
# > θ = 20.0: JS 0.6931，dJS/dθ < 1e-12；W1 20.00，dW1/dθ 1.00

# 2) WGAN-GP：在真假样本连线上的随机点 x̂ 处，惩罚 (‖∇_x f(x̂)‖ − 1)²
critic = nn.Linear(4, 1)  # 线性评论家 f(x) = w·x + b：任何地方的梯度都是 w
x_real, x_fake = torch.randn(16, 4) + 1, torch.randn(16, 4)
eps = torch.rand(16, 1)
x_hat = (eps * x_real + (1 - eps) * x_fake).requires_grad_()
(grad_x,) = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)  # 要对它再求导
gp = ((grad_x.norm(dim=1) - 1) ** 2).mean()
lam = 10.0
loss_critic = critic(x_fake).mean() - critic(x_real).mean() + lam * gp  # 评论家：最小化
loss_G = -critic(x_fake).mean()  # 生成器：让假样本的分数变高
loss_critic.backward()

# 3) 谱归一化：每次前向用幂迭代估计最大奇异值 σ(W)，用 W/σ(W) 代替 W
sn_layers = [nn.utils.parametrizations.spectral_norm(nn.Linear(8, 8)) for _ in range(2)]
f = nn.Sequential(sn_layers[0], nn.LeakyReLU(0.2), sn_layers[1], nn.LeakyReLU(0.2), nn.Linear(8, 1))
nn.utils.parametrizations.spectral_norm(f[-1])
for _ in range(20):  # 训练模式下每次前向做一步幂迭代
    f(torch.randn(4, 8))

# 检查 1：离得很远（θ = 20）时 JS ≈ log 2、梯度 ≈ 0；W1 = θ，梯度恒为 1
for (_, _, w1, g_w1), t in zip(rows, [1.0, 5.0, 20.0], strict=True):
    assert abs(w1 - t) < 1e-6 and abs(g_w1 - 1) < 1e-6
assert abs(rows[2][0] - math.log(2)) < 1e-12 and abs(rows[2][1]) < 1e-12
# 检查 2：线性评论家的梯度惩罚 = (‖w‖ − 1)²，对 w 的梯度 = 2λ(‖w‖ − 1)·w/‖w‖ + (x̄_fake − x̄_real)
w = critic.weight.detach()
torch.testing.assert_close(gp, (w.norm() - 1) ** 2)
expected = 2 * lam * (w.norm() - 1) * w / w.norm() + (x_fake.mean(0) - x_real.mean(0))
torch.testing.assert_close(critic.weight.grad, expected)
assert loss_G.requires_grad
# 检查 3：谱归一化后每层的谱范数 ≈ 1；整个网络（LeakyReLU 是 1-Lipschitz）处处梯度范数 ≤ 1
for layer in [*sn_layers, f[-1]]:
    assert abs(torch.linalg.matrix_norm(layer.weight.detach(), ord=2).item() - 1) < 1e-3
f.eval()  # eval 模式不再迭代，权重固定
X = torch.randn(200, 8, requires_grad=True)
(gx,) = torch.autograd.grad(f(X).sum(), X)
assert gx.norm(dim=1).max() <= 1 + 1e-3

# 检查 4：卷积层的谱归一化只是近似的约束。PyTorch 把卷积核展平成（输出通道 × 输入通道·3·3）的矩阵
#         求谱范数，这个矩阵的谱范数是 1，卷积算子本身（把整张特征图映射成特征图）却可以放大得更多
conv = nn.utils.parametrizations.spectral_norm(nn.Conv2d(4, 4, 3, padding=1, bias=False))
for _ in range(20):
    conv(torch.randn(1, 4, 8, 8))
conv.eval()
K = conv.weight.detach()
v = torch.randn(1, 4, 8, 8)
for _ in range(50):  # 对 v ↦ conv(v) 做幂迭代，找一张被放大最多的输入
    v = F.conv_transpose2d(F.conv2d(v, K, padding=1), K, padding=1)
    v = v / v.norm()
gain = (F.conv2d(v, K, padding=1).norm() / v.norm()).item()  # 一个具体输入的放大倍数
sigma_mat = torch.linalg.matrix_norm(K.reshape(4, -1), ord=2).item()
print(f"卷积层：展平矩阵的谱范数 {sigma_mat:.2f}，这张输入被放大 {gain:.1f} 倍")
# > 卷积层：展平矩阵的谱范数 1.00，这张输入被放大 1.6 倍
assert abs(sigma_mat - 1) < 1e-3 and gain > 1.2
