"""维度对不上时：特征维度不同，加一个可学习的投影层；类别只对上一部分，就在公共类别上重新归一化。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B = 8

# 1) 特征蒸馏：学生中间特征 16 维，教师 64 维 → 学生一侧加线性投影（训练完丢掉）
f_s = torch.randn(B, 16, requires_grad=True)  # 学生特征
f_t = torch.randn(B, 64)  # 教师特征（固定）
proj = nn.Linear(16, 64)
feat_loss = F.mse_loss(proj(f_s), f_t)
feat_loss.backward()
print(tuple(proj(f_s).shape), sum(p.numel() for p in proj.parameters()))
# > (8, 64) 1088

# 2) 教师有 10 类，学生只负责其中 4 类：取出这 4 个 logit 再做 softmax
T = 2.0
z_t = 3 * torch.randn(B, 10)
idx = torch.tensor([1, 3, 5, 7])
p_sub = F.softmax(z_t[:, idx] / T, dim=1)  # 学生要拟合的软目标

# 检查 1：投影层和学生特征都拿到了梯度（两者一起训练）
assert proj.weight.grad is not None and f_s.grad is not None
assert f_s.grad.shape == (B, 16)

# 检查 2：在子集上做 softmax，等于教师 10 类分布限制到这 4 类后重新归一化（条件分布）
p_full = F.softmax(z_t / T, dim=1)[:, idx]
torch.testing.assert_close(p_sub, p_full / p_full.sum(dim=1, keepdim=True))
