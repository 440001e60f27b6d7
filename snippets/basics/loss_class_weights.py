"""类别权重：F.cross_entropy(weight=w) 给每个样本乘 w[y_n]，取平均时除以 Σ_n w[y_n] 而不是 N；
二分类的 pos_weight 只给正样本那一项 −y log σ(z) 加权。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, K = 6, 3
logits = torch.randn(N, K)
y = torch.tensor([0, 0, 0, 0, 1, 2])  # 类别 0 占多数
w = torch.tensor([0.2, 1.0, 1.0])  # 给多数类小权重

per_sample = F.cross_entropy(logits, y, reduction="none")
weighted = w[y] * per_sample
loss = F.cross_entropy(logits, y, weight=w)
print(f"{loss.item():.4f} {weighted.sum().item() / N:.4f}")
# > 0.9789 0.4568

# 二分类：pos_weight 乘在正样本那一项上
z = torch.randn(N)
t = torch.tensor([1.0, 0.0, 0.0, 0.0, 0.0, 1.0])
pos_weight = torch.tensor(4.0)  # 常取“负样本数 / 正样本数”
by_hand = -(pos_weight * t * F.logsigmoid(z) + (1 - t) * F.logsigmoid(-z)).mean()

# 检查：加权平均除以的是权重之和，不是样本数
torch.testing.assert_close(loss, weighted.sum() / w[y].sum())
assert not torch.isclose(loss, weighted.sum() / N)
# 检查：reduction="sum" 时就是加权和
torch.testing.assert_close(F.cross_entropy(logits, y, weight=w, reduction="sum"), weighted.sum())
# 检查：pos_weight 的公式
torch.testing.assert_close(F.binary_cross_entropy_with_logits(z, t, pos_weight=pos_weight), by_hand)
