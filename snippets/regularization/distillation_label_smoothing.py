"""总损失 L = α·T²·L_soft + (1-α)·L_hard；教师换成均匀分布、T=1 时，它正好是标签平滑。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, N = 6, 5
z_s = torch.randn(B, N)  # 学生 logit
y = torch.randint(0, N, (B,))  # 真实标签


def distillation_loss(
    z_s: torch.Tensor, z_t: torch.Tensor, y: torch.Tensor, T: float, alpha: float
) -> torch.Tensor:
    """Hinton 等人的蒸馏损失：软损失用温度 T 并乘 T²，硬损失用 T=1 的普通交叉熵。"""
    soft = F.kl_div(F.log_softmax(z_s / T, dim=1), F.softmax(z_t / T, dim=1), reduction="batchmean")
    hard = F.cross_entropy(z_s, y)
    return alpha * T**2 * soft + (1 - alpha) * hard


eps = 0.1
uniform_teacher = torch.zeros(B, N)  # logit 全相等 → 软目标是均匀分布 1/N
kd = distillation_loss(z_s, uniform_teacher, y, T=1.0, alpha=eps)
ls = F.cross_entropy(z_s, y, label_smoothing=eps)
print(f"均匀教师的蒸馏损失 {kd.item():.4f}，标签平滑损失 {ls.item():.4f}")
# > 均匀教师的蒸馏损失 1.2626，标签平滑损失 1.4236

# 检查 1：两者只差常数 α·H(均匀分布) = α·log N（KL 与交叉熵之差），梯度完全相同
torch.testing.assert_close(kd + eps * torch.log(torch.tensor(float(N))), ls)
z = z_s.clone().requires_grad_()
(g_kd,) = torch.autograd.grad(distillation_loss(z, uniform_teacher, y, 1.0, eps), z)
(g_ls,) = torch.autograd.grad(F.cross_entropy(z, y, label_smoothing=eps), z)
torch.testing.assert_close(g_kd, g_ls)

# 检查 2：换成真正的教师（T=1），蒸馏损失 = 以混合分布 α·p + (1-α)·e_y 为目标的交叉熵 - α·H(p)
z_t = 2 * torch.randn(B, N)
p_t = F.softmax(z_t, dim=1)
mix = eps * p_t + (1 - eps) * F.one_hot(y, N).float()
H_t = -(p_t * p_t.log()).sum(dim=1).mean()
torch.testing.assert_close(
    distillation_loss(z_s, z_t, y, T=1.0, alpha=eps) + eps * H_t, F.cross_entropy(z_s, mix)
)
