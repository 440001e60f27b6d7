"""三元组损失 max(0, d(a, p) − d(a, n) + margin)：锚点 a 离正样本 p 要比离负样本 n 至少近 margin。
与 F.triplet_margin_loss 对比（它算距离时给差值加了 eps = 1e-6）；已满足间隔的三元组梯度为 0。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
N, D = 6, 8  # 6 个三元组，嵌入维数 8
anchor = torch.randn(N, D)
positive = anchor + 0.3 * torch.randn(N, D)  # 与锚点同类：离得近
negative = torch.randn(N, D)  # 不同类
negative[:2] = anchor[:2] + 0.1 * torch.randn(2, D)  # 前两个负样本故意离锚点很近（难例）
margin, eps = 1.0, 1e-6


def dist(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return torch.linalg.vector_norm(u - v + eps, dim=1)  # 欧氏距离，与 PyTorch 的约定一致


anchor.requires_grad_()
per_triplet = F.relu(dist(anchor, positive) - dist(anchor, negative) + margin)
loss = per_triplet.mean()
(g,) = torch.autograd.grad(loss, anchor)
print((per_triplet > 0).tolist())
# > [True, True, False, False, False, False]

# 检查：与 F.triplet_margin_loss、nn.TripletMarginLoss 一致
torch.testing.assert_close(loss, F.triplet_margin_loss(anchor, positive, negative, margin=margin))
torch.testing.assert_close(loss, nn.TripletMarginLoss(margin=margin)(anchor, positive, negative))
# 检查：难例（负样本离得近）损失为正；已经满足间隔的三元组损失为 0，对锚点的梯度也为 0
assert (per_triplet[:2] > 0).all()
satisfied = per_triplet == 0
assert satisfied.any() and (g[satisfied] == 0).all() and (g[~satisfied] != 0).any()
