"""软损失：手写的交叉熵与 KL 散度，对照 F.kl_div / F.cross_entropy；两者只差教师的熵，梯度相同。"""

import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, N, T = 4, 5, 3.0  # 批大小、类别数、温度
# 用 float64：印出的损失值不受求和顺序（线程数、指令集）影响
z_s = torch.randn(B, N, dtype=torch.float64, requires_grad=True)  # 学生 logit
z_t = 2 * torch.randn(B, N, dtype=torch.float64)  # 教师 logit（教师固定，不求梯度）

p_t = F.softmax(z_t / T, dim=1)  # 教师的软目标
log_q_s = F.log_softmax(z_s / T, dim=1)  # 学生软化后的对数概率

# 手写：交叉熵 H(p_t, q_s) = -Σ p log q，KL(p_t || q_s) = Σ p (log p - log q)，都对批取平均
ce = -(p_t * log_q_s).sum(dim=1).mean()
kl = (p_t * (p_t.log() - log_q_s)).sum(dim=1).mean()
H_t = -(p_t * p_t.log()).sum(dim=1).mean()  # 教师软目标的熵，与学生无关
print(f"CE={ce.item():.4f} KL={kl.item():.4f} H(p_t)={H_t.item():.4f}")
# > CE=1.5680 KL=0.1210 H(p_t)=1.4470

# 两种写法对学生 logit 的梯度
g_ce = torch.autograd.grad(ce, z_s, retain_graph=True)[0]
g_kl = torch.autograd.grad(kl, z_s, retain_graph=True)[0]

# 检查 1：KL 对照 F.kl_div（输入是学生的 log 概率，目标是教师的概率，reduction="batchmean"）
torch.testing.assert_close(kl, F.kl_div(log_q_s, p_t, reduction="batchmean"))
# 目标也可以给 log 概率，数值更稳
log_p_t = F.log_softmax(z_t / T, dim=1)
torch.testing.assert_close(kl, F.kl_div(log_q_s, log_p_t, reduction="batchmean", log_target=True))

# 检查 2：交叉熵对照 F.cross_entropy（目标是概率分布，PyTorch 1.10 起支持）
torch.testing.assert_close(ce, F.cross_entropy(z_s / T, p_t))

# 检查 3：CE - KL = 教师的熵（常数），所以对学生的梯度完全相同
torch.testing.assert_close(ce - kl, H_t)
torch.testing.assert_close(g_ce, g_kl)

# 检查 4：reduction="mean" 会再除以类别数 N，得到的不是 KL；PyTorch 为此发出 UserWarning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    kl_mean = F.kl_div(log_q_s, p_t, reduction="mean")
torch.testing.assert_close(kl_mean * N, kl)
assert any(issubclass(w.category, UserWarning) and "batchmean" in str(w.message) for w in caught)
