"""判别器损失 = 二元交叉熵（真 → 1，假 → 0）；生成器的饱和损失在 D 自信地拒绝假样本时梯度消失，
非饱和损失不会。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B = 8
l_real = torch.randn(B) + 2  # 判别器对真样本的 logit，D(x) = σ(l)
l_fake = torch.randn(B) - 2  # 判别器对假样本 G(z) 的 logit

# 1) 判别器：最大化 V 的小批量估计 = 最小化 −V
V_hat = torch.log(torch.sigmoid(l_real)).mean() + torch.log(1 - torch.sigmoid(l_fake)).mean()
bce = F.binary_cross_entropy_with_logits
loss_D = bce(l_real, torch.ones(B)) + bce(l_fake, torch.zeros(B))  # 真 → 1，假 → 0

# 2) 生成器：D 很自信地拒绝假样本时，logit 很负
logits = torch.tensor([-10.0, -5.0, 0.0, 5.0], requires_grad=True)
loss_sat = F.logsigmoid(-logits)  # 饱和（原始极小极大）损失 log(1 − D)，生成器要把它变小
loss_ns = -F.logsigmoid(logits)  # 非饱和损失 −log D
(g_sat,) = torch.autograd.grad(loss_sat.sum(), logits)
(g_ns,) = torch.autograd.grad(loss_ns.sum(), logits)
print([f"{v:.1e}" for v in g_sat.tolist()])
# > ['-4.5e-05', '-6.7e-03', '-5.0e-01', '-9.9e-01']
print([f"{v:.1e}" for v in g_ns.tolist()])
# > ['-1.0e+00', '-9.9e-01', '-5.0e-01', '-6.7e-03']

# 检查 1：判别器损失（两项 BCE 之和）正好是 −V 的估计；手写公式与 PyTorch 一致
torch.testing.assert_close(loss_D, -V_hat)

# 检查 2：梯度的解析式：饱和损失 −σ(l)，非饱和损失 −(1 − σ(l))
s = torch.sigmoid(logits.detach())
torch.testing.assert_close(g_sat, -s)
torch.testing.assert_close(g_ns, -(1 - s))
# l = −10（D(G(z)) ≈ 0.00005）：饱和损失的梯度几乎为 0，非饱和损失的梯度接近 −1
assert abs(g_sat[0]) < 1e-4 and abs(g_ns[0] + 1) < 1e-4

# 检查 3：非饱和损失就是“把假样本的标签当成 1”的 BCE；饱和损失是负的“标签 0”BCE
ones, zeros = torch.ones(4), torch.zeros(4)
torch.testing.assert_close(loss_ns, bce(logits, ones, reduction="none"))
torch.testing.assert_close(loss_sat, -bce(logits, zeros, reduction="none"))

# 检查 4：对生成器参数的梯度方向相同，大小之比是 σ(l)/(1 − σ(l)) = e^l（链式法则）
G, D = nn.Linear(2, 3), nn.Linear(3, 1)
with torch.no_grad():
    D.bias.fill_(-6.0)  # 让 D 对这个假样本很自信：logit 很负
z = torch.randn(1, 2)
logit = D(G(z)).squeeze()
g1 = torch.autograd.grad(F.logsigmoid(-logit), G.weight, retain_graph=True)[0]
g2 = torch.autograd.grad(-F.logsigmoid(logit), G.weight)[0]
torch.testing.assert_close(g1, torch.exp(logit.detach()) * g2)
assert logit < -3 and g1.norm() < 0.05 * g2.norm()
