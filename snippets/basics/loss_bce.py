"""二元交叉熵（BCE）：σ 之后算 −[y log p + (1 − y) log(1 − p)]，
它就是两个类别 logits [0, z] 的交叉熵。
BCEWithLogits 用稳定形式 max(z, 0) − z·y + log(1 + e^{−|z|})：logit 很大时仍然准确。
先 Sigmoid 再求损失：float32 的 σ(z) 饱和成恰好 0 或 1，log 得到 −inf（F.binary_cross_entropy
把它截断在 −100，所以损失值不对）；梯度为 0 则是因为饱和处 σ'(z) = σ(1 − σ) = 0，与截断无关。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
z = torch.randn(6)  # logits
y = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
p = torch.sigmoid(z)

bce_by_hand = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
bce_stable = (z.clamp(min=0) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()

# 极端的 logits：对 y = 1 给出 z = −200，对 y = 0 给出 z = 20（都错得很离谱）
z_big = torch.tensor([-200.0, 20.0], requires_grad=True)
y_big = torch.tensor([1.0, 0.0])
true_loss = torch.tensor([200.0, 20.0])  # 精确值：−log σ(−200) ≈ 200，−log(1 − σ(20)) ≈ 20
naive = -(
    y_big * torch.log(torch.sigmoid(z_big)) + (1 - y_big) * torch.log(1 - torch.sigmoid(z_big))
)
p_big = torch.sigmoid(z_big)
p_big.retain_grad()  # 看看损失对概率 p 的梯度
clamped = F.binary_cross_entropy(p_big, y_big, reduction="none")
stable = F.binary_cross_entropy_with_logits(z_big, y_big, reduction="none")
print(naive.tolist(), clamped.tolist(), stable.tolist())
# > [inf, inf] [100.0, 100.0] [200.0, 20.0]
clamped.sum().backward()
g_clamped = z_big.grad.clone()
(g_stable,) = torch.autograd.grad(stable.sum(), z_big)
print(f"∂L/∂p = {[f'{v:.0e}' for v in p_big.grad.tolist()]}，|∂L/∂z| = {g_clamped.abs().tolist()}")
# > ∂L/∂p = ['-1e+12', '1e+12']，|∂L/∂z| = [0.0, 0.0]
print(g_stable.tolist())
# > [-1.0, 1.0]

# 梯度断在哪一环：σ 饱和后 σ'(z) 恰好为 0，接在它后面的任何损失都拿不到梯度，例如 MSE
(g_sigmoid,) = torch.autograd.grad(torch.sigmoid(z_big).sum(), z_big)
(g_mse,) = torch.autograd.grad(((torch.sigmoid(z_big) - y_big) ** 2).sum(), z_big)

# 检查：手写公式、稳定形式、PyTorch 两个函数一致（正常范围的 logits）
torch.testing.assert_close(bce_by_hand, F.binary_cross_entropy(p, y))
torch.testing.assert_close(bce_stable, F.binary_cross_entropy_with_logits(z, y))
torch.testing.assert_close(bce_by_hand, bce_stable)
# 检查：BCE 等于两个类别 logits [0, z] 的交叉熵（softmax([0, z])_1 = σ(z)）
two_class = torch.stack([torch.zeros_like(z), z], dim=1)
torch.testing.assert_close(bce_stable, F.cross_entropy(two_class, y.long()))
# 检查：float32 下 σ(20) 舍入成 1，σ(−200) 下溢成 0，取 log 后就是 −inf
assert torch.sigmoid(torch.tensor(20.0)) == 1 and torch.sigmoid(torch.tensor(-200.0)) == 0
assert torch.isinf(naive).all()
# 检查：截断只影响损失值：BCELoss 输出 100、100（真实值 200、20）；
# 它对 p 的梯度 (p − y) / max(p(1 − p), 1e-12) 并不为 0，而是 ∓1e12
torch.testing.assert_close(clamped.detach(), torch.tensor([100.0, 100.0]))
torch.testing.assert_close(p_big.grad, (p_big.detach() - y_big) / 1e-12)
# 检查：对 z 的梯度为 0，是因为 σ'(z) 在饱和处恰好为 0；换成 MSE 也一样是 0
assert (g_sigmoid == 0).all() and (g_clamped == 0).all() and (g_mse == 0).all()
# 检查：只有直接从 logit 计算的 BCEWithLogits 给出正确的损失和梯度 σ(z) − y
torch.testing.assert_close(stable.detach(), true_loss)
torch.testing.assert_close(g_stable, torch.sigmoid(z_big.detach()) - y_big)
