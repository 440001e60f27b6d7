"""合页损失（SVM）：二分类 max(0, 1 − y·f(x))，标签 y ∈ {−1, +1}；
多分类 Σ_{j≠y} max(0, 1 − f_y + f_j)。PyTorch 里对应的是 F.multi_margin_loss
（它还要除以类别数 C）；F.hinge_embedding_loss 是另一个公式。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

# 二分类：f 是模型输出的一个实数分数
f = torch.tensor([2.0, 0.5, -0.3, -1.5, 0.8, -2.0], requires_grad=True)
y = torch.tensor([1.0, 1.0, 1.0, -1.0, -1.0, -1.0])
hinge = F.relu(1 - y * f)  # y·f ≥ 1（分对且间隔够大）时损失为 0
print([round(v, 2) for v in hinge.tolist()])
# > [0.0, 0.5, 1.3, 0.0, 1.8, 0.0]
(g,) = torch.autograd.grad(hinge.sum(), f)

# 多分类：每个错误类别 j 的分数都要比正确类别低至少 1
N, C = 5, 4
scores = torch.randn(N, C)
target = torch.randint(0, C, (N,))
margins = F.relu(1 - scores.gather(1, target[:, None]) + scores)  # (N, C)
margins[torch.arange(N), target] = 0  # 不算 j = y 那一项
multi_by_hand = margins.sum(dim=1)

# 检查：F.multi_margin_loss = Σ_{j≠y} max(0, 1 − f_y + f_j) / C
torch.testing.assert_close(F.multi_margin_loss(scores, target, reduction="none"), multi_by_hand / C)
# 检查：二分类合页损失就是两个类别、分数为 [0, f] 的 multi_margin_loss 乘以 C = 2
two_class = torch.stack([torch.zeros_like(f), f], dim=1).detach()
cls = (y > 0).long()
torch.testing.assert_close(
    2 * F.multi_margin_loss(two_class, cls, reduction="none"), hinge.detach()
)
# 检查：hinge_embedding_loss 不是 SVM 的合页损失（y = 1 时它直接返回输入 f 本身）
assert not torch.allclose(F.hinge_embedding_loss(f.detach(), y, reduction="none"), hinge.detach())
# 检查：满足间隔 y·f ≥ 1 的样本梯度为 0，其余样本梯度为 −y
assert torch.equal(g, torch.where(y * f.detach() >= 1, 0.0, -y))
