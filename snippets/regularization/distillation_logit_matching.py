"""高温极限：T² 倍软损失的梯度趋于 logit 平方误差的梯度，蒸馏退化为 logit 匹配。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N = 10  # 类别数
z_s = torch.randn(1, N, dtype=torch.float64)
z_t = 3 * torch.randn(1, N, dtype=torch.float64)
# 论文的前提：每个样本的 logit 各自减去均值（零均值）
z_s = (z_s - z_s.mean()).requires_grad_()
z_t = z_t - z_t.mean()


def scaled_soft_loss(z_s: torch.Tensor, z_t: torch.Tensor, T: float) -> torch.Tensor:
    """T² · KL(p_t || q_s)。"""
    log_q_s = F.log_softmax(z_s / T, dim=1)
    p_t = F.softmax(z_t / T, dim=1)
    return T**2 * F.kl_div(log_q_s, p_t, reduction="batchmean")


# logit 匹配：0.5 · Σ (z_s - z_t)² / N，其梯度为 (z_s - z_t) / N
mse = 0.5 * F.mse_loss(z_s, z_t, reduction="sum") / N
(g_mse,) = torch.autograd.grad(mse, z_s)

errors = []
for T in (1.0, 5.0, 20.0, 100.0, 1000.0):
    (g,) = torch.autograd.grad(scaled_soft_loss(z_s, z_t, T), z_s)
    errors.append(((g - g_mse).norm() / g_mse.norm()).item())
    print(f"T={T:g}: 与 logit 匹配梯度的相对误差 {errors[-1]:.4f}")
# > T=1: 与 logit 匹配梯度的相对误差 0.8519
# > T=5: 与 logit 匹配梯度的相对误差 0.2945
# > T=20: 与 logit 匹配梯度的相对误差 0.0735
# > T=100: 与 logit 匹配梯度的相对误差 0.0146
# > T=1000: 与 logit 匹配梯度的相对误差 0.0015

# 检查 1：T 越大越接近 logit 匹配；T=1000 时两者梯度几乎相同，即 ∂L_soft/∂z ≈ (z_s - z_t)/(N·T²)
assert errors == sorted(errors, reverse=True)
(g,) = torch.autograd.grad(scaled_soft_loss(z_s, z_t, 1000.0), z_s)
torch.testing.assert_close(g, g_mse, rtol=0.0, atol=5e-3 * g_mse.abs().max().item())

# 检查 2：损失本身也趋于 logit 平方误差
torch.testing.assert_close(scaled_soft_loss(z_s, z_t, 1000.0), mse, rtol=1e-2, atol=0.0)

# 检查 3：softmax 对每个样本的 logit 整体平移不敏感，软损失只匹配“去均值后”的 logit，
# 所以论文要先假设零均值；平方误差却会惩罚这种平移
torch.testing.assert_close(scaled_soft_loss(z_s, z_t + 5.0, 20.0), scaled_soft_loss(z_s, z_t, 20.0))
assert 0.5 * F.mse_loss(z_s, z_t + 5.0, reduction="sum") / N > mse + 1.0
