"""焦点损失（Focal Loss）FL = −α_t (1 − p_t)^γ log p_t：γ = 0、不加 α 时就是 BCE；
γ = 2 时容易样本（p_t 大）的损失被压得极低，难样本几乎不变。梯度公式用 autograd 核对。"""

import torch
import torch.nn.functional as F

z = torch.tensor([3.0, 1.0, 0.0, -1.0, -3.0], dtype=torch.float64, requires_grad=True)
y = torch.ones_like(z)  # 全是正样本：z 越大越容易
p = torch.sigmoid(z)
p_t = torch.where(y == 1, p, 1 - p)  # 模型给真实类别的概率


def focal(z: torch.Tensor, y: torch.Tensor, gamma: float, alpha: float | None = None):
    ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")  # = −log p_t
    p_t = torch.where(y == 1, torch.sigmoid(z), 1 - torch.sigmoid(z))
    loss = (1 - p_t) ** gamma * ce
    if alpha is not None:  # α_t：正样本乘 α，负样本乘 1 − α
        loss = torch.where(y == 1, alpha, 1 - alpha) * loss
    return loss


ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
fl = focal(z, y, gamma=2.0)
print([round(v, 4) for v in (fl / ce).tolist()])  # 每个样本的损失被缩小成原来的 (1 − p_t)^2
# > [0.0022, 0.0723, 0.25, 0.5344, 0.9074]
(g,) = torch.autograd.grad(fl.sum(), z)

# 检查：γ = 0 且不加 α 时就是 BCE；加 α 时每个样本乘 α_t
torch.testing.assert_close(focal(z, y, gamma=0.0), ce)
torch.testing.assert_close(focal(z, y, gamma=2.0, alpha=0.25), 0.25 * fl)
# 检查：缩放因子恰好是 (1 − p_t)^γ：最容易的样本缩小到约 0.2%，最难的只缩小到约 91%
torch.testing.assert_close(fl / ce, (1 - p_t) ** 2)
# 检查：正样本的梯度 ∂FL/∂z = (1 − p)^γ [γ p log p − (1 − p)]，γ = 0 时退化为 p − 1
gamma = 2.0
pd = p.detach()
torch.testing.assert_close(g, (1 - pd) ** gamma * (gamma * pd * torch.log(pd) - (1 - pd)))
