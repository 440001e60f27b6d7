"""软损失对学生 logit 的梯度是 (q_s - p_t) / T，量级约为 1/T²；乘上 T² 后量级不再随 T 变化。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, N = 8, 10
z_s = torch.randn(B, N, requires_grad=True)  # 学生 logit
z_t = 3 * torch.randn(B, N)  # 教师 logit


def soft_loss(z_s: torch.Tensor, z_t: torch.Tensor, T: float) -> torch.Tensor:
    """KL(p_t || q_s)，两边都用温度 T 软化，对批取平均。"""
    log_q_s = F.log_softmax(z_s / T, dim=1)
    p_t = F.softmax(z_t / T, dim=1)
    return F.kl_div(log_q_s, p_t, reduction="batchmean")


# 软损失梯度的大小（整批梯度的范数）随 T 的变化
Ts = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
norms = []
for T in Ts:
    (g,) = torch.autograd.grad(soft_loss(z_s, z_t, T), z_s)
    norms.append(g.norm().item())
    print(f"T={T:g}: |grad|={norms[-1]:.2e}, T²·|grad|={T**2 * norms[-1]:.4f}")
# > T=1: |grad|=2.75e-01, T²·|grad|=0.2745
# > T=2: |grad|=8.16e-02, T²·|grad|=0.3263
# > T=5: |grad|=1.27e-02, T²·|grad|=0.3176
# > T=10: |grad|=3.14e-03, T²·|grad|=0.3136
# > T=20: |grad|=7.84e-04, T²·|grad|=0.3134
# > T=50: |grad|=1.26e-04, T²·|grad|=0.3142

# 检查 1：解析梯度 (q_s - p_t) / T（batchmean 再除以 B）与 autograd 一致
for T in Ts:
    (g,) = torch.autograd.grad(soft_loss(z_s, z_t, T), z_s)
    q_s = F.softmax(z_s / T, dim=1)
    p_t = F.softmax(z_t / T, dim=1)
    torch.testing.assert_close(g, (q_s - p_t) / (T * B))

# 检查 2：T 从 2 到 50，原始梯度缩小了 600 多倍（1/T² 规律预测 (50/2)² = 625 倍）；
# 乘上 T² 后变化不到 5%
raw = [n for T, n in zip(Ts, norms, strict=True) if T >= 2]
scaled = [T**2 * n for T, n in zip(Ts, norms, strict=True) if T >= 2]
assert 600 < max(raw) / min(raw) < 700
assert max(scaled) / min(scaled) < 1.05
