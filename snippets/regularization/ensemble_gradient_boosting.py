"""梯度提升：每一轮拟合损失对当前预测的负梯度。平方损失的负梯度就是残差 y - F；
换成其他损失只是换一个“伪残差”。用回归树桩做弱学习器，训练误差每轮都不上升。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

n = 50
x = torch.linspace(-1, 1, n)
y = torch.sin(3 * x) + 0.3 * torch.randn(n)


def fit_stump(r: torch.Tensor) -> tuple[float, float, float]:
    """回归树桩：切分点左右各预测均值。
    平方误差 = Σr² - (S_L²/n_L + S_R²/n_R)，所以取后一项最大的切分点。"""
    SL, NL = r.cumsum(0)[:-1], torch.arange(1.0, n)  # 左侧前 i 个点的和与个数
    SR, NR = r.sum() - SL, n - NL
    i = (SL**2 / NL + SR**2 / NR).argmax()
    return ((x[i] + x[i + 1]) / 2).item(), (SL[i] / NL[i]).item(), (SR[i] / NR[i]).item()


def stump_predict(stump: tuple[float, float, float], x: torch.Tensor) -> torch.Tensor:
    theta, left, right = stump
    return torch.where(x <= theta, left, right)


nu = 0.1  # 学习率（收缩）：每棵树只加它预测的 10%
Fx = torch.full((n,), y.mean().item())  # F₀：平方损失下最优的常数就是均值
train_mse = [((y - Fx) ** 2).mean().item()]
for _ in range(100):
    r = y - Fx  # 伪残差 = 负梯度
    Fx = Fx + nu * stump_predict(fit_stump(r), x)
    train_mse.append(((y - Fx) ** 2).mean().item())
one_stump = ((y - y.mean() - stump_predict(fit_stump(y - y.mean()), x)) ** 2).mean().item()
print(f"常数 {train_mse[0]:.4f}，单个树桩 {one_stump:.4f}，提升 100 轮 {train_mse[-1]:.4f}")
# > 常数 0.6925，单个树桩 0.1631，提升 100 轮 0.0625

# 检查 1：平方损失 ½(y - F)² 对 F 的负梯度就是残差 y - F（对照 autograd）
F0 = torch.randn(n, requires_grad=True)
(g,) = torch.autograd.grad(0.5 * ((y - F0) ** 2).sum(), F0)
torch.testing.assert_close(-g, y - F0.detach())
# 换成绝对值损失，伪残差是 sign(y - F)；换成逻辑回归损失（标签 0/1），伪残差是 y - sigmoid(F)
(g,) = torch.autograd.grad(F.l1_loss(F0, y, reduction="sum"), F0)
torch.testing.assert_close(-g, torch.sign(y - F0.detach()))
labels = (y > 0).double()
(g,) = torch.autograd.grad(F.binary_cross_entropy_with_logits(F0, labels, reduction="sum"), F0)
torch.testing.assert_close(-g, labels - torch.sigmoid(F0.detach()))

# 检查 2：向量化的树桩与逐个切分点暴力计算一致
sse = [((y - torch.where(x <= t, y[x <= t].mean(), y[x > t].mean())) ** 2).sum() for t in x[:-1]]
i = torch.stack(sse).argmin()
assert abs(fit_stump(y)[0] - ((x[i] + x[i + 1]) / 2).item()) < 1e-12
# 检查 3：树桩是残差在“分段常数”函数上的最小二乘投影，加上 ν ≤ 1 倍不会让训练误差上升
assert (torch.tensor(train_mse).diff() <= 1e-12).all()
# 检查 4：一个树桩偏差很大；100 个树桩累加后训练误差降到单个树桩的一半以下
assert train_mse[-1] < 0.5 * one_stump
# 检查 5：提升 100 轮后的训练 MSE 比真实函数 sin(3x) 本身在训练点上的 MSE
# （这组样本的噪声，约 0.099）还低：模型已经在拟合噪声
noise_mse = ((y - torch.sin(3 * x)) ** 2).mean().item()
assert train_mse[-1] < noise_mse and 0.09 < noise_mse < 0.11
