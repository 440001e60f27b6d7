"""分类为什么用交叉熵不用 MSE：Sigmoid 输出配 MSE，对 logit 的梯度 2(σ − y)·σ(1 − σ) 多了一个
σ'(z) 因子，错得越离谱（y = 1 而 z 很负）梯度反而越小；配交叉熵时梯度就是 σ(z) − y。"""

import torch
import torch.nn.functional as F

z = torch.tensor([-10.0, -5.0, -2.0, 0.0, 2.0, 5.0], dtype=torch.float64, requires_grad=True)
y = torch.ones_like(z)  # 这些样本的真实标签都是 1：z 越负，错得越离谱

(g_mse,) = torch.autograd.grad(((torch.sigmoid(z) - y) ** 2).sum(), z)
(g_ce,) = torch.autograd.grad(F.binary_cross_entropy_with_logits(z, y, reduction="sum"), z)
print(" ".join(f"{g:.4f}" for g in g_mse.tolist()))
# > -0.0001 -0.0132 -0.1850 -0.2500 -0.0250 -0.0001
print(" ".join(f"{g:.4f}" for g in g_ce.tolist()))
# > -1.0000 -0.9933 -0.8808 -0.5000 -0.1192 -0.0067

# 多分类同理：Softmax + MSE 的梯度要乘 Softmax 的雅可比矩阵，错误类别概率接近 1 时几乎为 0
logits = torch.tensor([[10.0, 0.0, 0.0]], dtype=torch.float64, requires_grad=True)  # 真实类别是 1
label = torch.tensor([1])
(g_mse_multi,) = torch.autograd.grad(
    F.mse_loss(F.softmax(logits, dim=1), F.one_hot(label, 3).double(), reduction="sum"), logits
)
(g_ce_multi,) = torch.autograd.grad(F.cross_entropy(logits, label), logits)

s = torch.sigmoid(z.detach())
# 检查：手推的两个梯度公式与 autograd 一致
torch.testing.assert_close(g_mse, 2 * (s - 1) * s * (1 - s))
torch.testing.assert_close(g_ce, s - 1)
# 检查：z = −10（错得最离谱）时 MSE 的梯度不到 1e-4，交叉熵的梯度接近 −1
assert abs(g_mse[0]) < 1e-4 and abs(g_ce[0] + 1) < 1e-4
# 检查：MSE 的梯度大小不随错误程度单调变化——z = −10 比 z = 0 还小；交叉熵则单调
assert abs(g_mse[0]) < abs(g_mse[3])
assert (g_ce.abs().diff() < 0).all()
# 检查：多分类时 Softmax + MSE 的梯度也几乎消失，交叉熵的梯度约为 p − y
assert g_mse_multi.abs().max() < 1e-3 and g_ce_multi.abs().max() > 0.99
