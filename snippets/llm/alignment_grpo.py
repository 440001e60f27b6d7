"""GRPO：组内相对优势 (r - mean)/std 不需要价值网络；
它的 KL 估计 π_ref/π - log(π_ref/π) - 1 非负且无偏。
"""

import torch
from torch.distributions import Categorical, kl_divergence

torch.manual_seed(0)
# 一个提示采 G = 6 条回答，规则奖励：答对 1、答错 0
rewards = torch.tensor([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], dtype=torch.float64)
adv = (rewards - rewards.mean()) / rewards.std()
print([round(a, 3) for a in adv.tolist()])
# > [1.291, -0.645, -0.645, 1.291, -0.645, -0.645]
# 与逐项手算一致（torch.std 默认无偏，分母 G-1）
m = sum(rewards.tolist()) / 6
s = (sum((r - m) ** 2 for r in rewards.tolist()) / 5) ** 0.5
torch.testing.assert_close(
    adv, torch.tensor([(r - m) / s for r in rewards.tolist()], dtype=torch.float64)
)
assert abs(adv.sum()) < 1e-12  # 组内优势和为 0：组均值就是基线
# 奖励整体平移、放缩，优势不变：只看组内相对好坏
torch.testing.assert_close((lambda r: (r - r.mean()) / r.std())(10 * rewards + 3), adv)
# 全组奖励相同（全对或全错）时 std = 0：实现里分母加一个小常数，优势为 0，这个提示不产生梯度
same = torch.ones(6, dtype=torch.float64)
print(((same - same.mean()) / (same.std() + 1e-4)).abs().max().item())
# > 0.0

# KL 估计 k3 = π_ref/π - log(π_ref/π) - 1：x 从 π 中采样时期望正好等于 KL(π‖π_ref)
pi = Categorical(logits=torch.randn(20, dtype=torch.float64))
ref = Categorical(logits=torch.randn(20, dtype=torch.float64))
ratio = ref.probs / pi.probs
k3 = ratio - torch.log(ratio) - 1
assert (k3 >= 0).all()  # 每个样本都非负（x - log x - 1 ≥ 0）
torch.testing.assert_close((pi.probs * k3).sum(), kl_divergence(pi, ref))  # 按 π 加权枚举 = 精确 KL
# 简单估计 k1 = log(π/π_ref) 也无偏，但单个样本可以是负的
k1 = -torch.log(ratio)
torch.testing.assert_close((pi.probs * k1).sum(), kl_divergence(pi, ref))
assert (k1 < 0).any()
