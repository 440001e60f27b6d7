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

# 检查 1：不加投影，16 维和 64 维的特征根本没法逐元素比较
try:
    f_s - f_t
except RuntimeError:
    mismatch = True
assert mismatch
# 检查 2：梯度穿过投影层回到学生特征，和链式法则的闭式一致：
# ∂L/∂f_s = (2 / (B·64)) · (W f_s + b - f_t) W，∂L/∂W = (2 / (B·64)) · (W f_s + b - f_t)ᵀ f_s
with torch.no_grad():
    resid = 2 * (proj(f_s) - f_t) / (B * 64)
torch.testing.assert_close(f_s.grad, resid @ proj.weight)
torch.testing.assert_close(proj.weight.grad, resid.T @ f_s.detach())

# 检查 3：在子集上做 softmax，等于教师 10 类分布限制到这 4 类后重新归一化（条件分布）
p_full = F.softmax(z_t / T, dim=1)[:, idx]
torch.testing.assert_close(p_sub, p_full / p_full.sum(dim=1, keepdim=True))

# 3) 教师分 10 个细类，学生分 3 个粗类（细类 → 粗类的对应关系 group）：把细类概率相加；
# 检查 4：等价于对每个粗类取细类 logit 的 logsumexp 再做 softmax
group = torch.tensor([0, 0, 0, 1, 1, 1, 1, 2, 2, 2])
p_coarse = torch.zeros(B, 3).index_add_(1, group, F.softmax(z_t / T, dim=1))
z_coarse = torch.stack([torch.logsumexp(z_t[:, group == g] / T, dim=1) for g in range(3)], dim=1)
torch.testing.assert_close(p_coarse, F.softmax(z_coarse, dim=1))
