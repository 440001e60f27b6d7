"""只从“不确定”的样本学习：阈值 m = 0.6，正样本输出 ŷ > m、负样本输出 ŷ < 1 − m 时
不再产生损失和梯度。
实现就是给每个样本的交叉熵乘一个 0/1 掩码 λ(y, ŷ)；结果与 BCEWithLogits 的 weight 参数一致；
换到 logit 上看，它是“间隔够大就不再管”的截断，和合页损失同一个思路。"""

import math

import torch
import torch.nn.functional as F

z = torch.tensor([2.0, 0.3, -0.2, 0.45, -1.5, 0.1, 1.0, -0.35], requires_grad=True)  # logits
y = torch.tensor([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
y_hat = torch.sigmoid(z)
m = 0.6

# λ(y, ŷ) = 1 − θ(y − m)·θ(ŷ − m) − θ(1 − m − y)·θ(1 − m − ŷ)，θ 是单位阶跃函数
confident_pos = (y > m) & (y_hat > m)
confident_neg = (y < 1 - m) & (y_hat < 1 - m)
lam = (1.0 - confident_pos.float() - confident_neg.float()).detach()  # 掩码当常数，不参与求导
ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
loss = (lam * ce).mean()
(g,) = torch.autograd.grad(loss, z)
print(lam.tolist())
# > [0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0]
print([round(v, 4) + 0.0 for v in g.tolist()])  # + 0.0 把 −0.0 显示成 0.0
# > [0.0, -0.0532, -0.0687, 0.0, 0.0, 0.0656, 0.0914, 0.0517]

# 在 logit 上：ŷ > m ⟺ z > ln(m / (1 − m))；记 s = 2y − 1 ∈ {−1, +1}，λ = 1 ⟺ s·z ≤ ln(m / (1 − m))
s = 2 * y - 1
z_margin = math.log(m / (1 - m))

# 检查：与 BCEWithLogits 的逐样本权重 weight = λ 一致
torch.testing.assert_close(loss, F.binary_cross_entropy_with_logits(z, y, weight=lam))
# 检查：有把握的样本（λ = 0）梯度恰好为 0；不确定的样本梯度是 (σ(z) − y)/N
assert (g[lam == 0] == 0).all()
torch.testing.assert_close(g, lam * (y_hat.detach() - y) / len(z))
# 检查：掩码等价于 logit 间隔条件 s·z ≤ ln(m/(1 − m)) ≈ 0.405
assert torch.equal(lam == 1, s * z.detach() <= z_margin)
# 检查：损失在阈值处有跳变——刚好不到阈值的正样本损失约为 −ln 0.6 ≈ 0.51，越过阈值就变成 0
below = F.binary_cross_entropy_with_logits(torch.tensor(z_margin - 1e-4), torch.tensor(1.0))
assert abs(below.item() + math.log(m)) < 1e-3
