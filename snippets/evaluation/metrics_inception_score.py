"""Inception Score：IS = exp(E_x KL(p(y|x) ‖ p(y)))，p(y) 是所有生成样本预测分布的平均。
单张图分类越确定、整体类别越多样，IS 越高；范围是 [1, K]。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
K = 4  # 分类器的类别数（原论文用 ImageNet 的 1000 类）


def safe_log(p: torch.Tensor) -> torch.Tensor:
    return p.clamp_min(1e-300).log()  # 只为让 0·log 0 = 0，不改变非零概率


def entropy(p: torch.Tensor) -> torch.Tensor:
    return -(p * safe_log(p)).sum(dim=-1)


def inception_score(p_yx: torch.Tensor) -> float:
    """p_yx：N×K，每行是分类器对一个生成样本的预测分布。"""
    p_y = p_yx.mean(dim=0, keepdim=True)  # 边缘分布 p(y)
    kl = (p_yx * (safe_log(p_yx) - safe_log(p_y))).sum(dim=1)  # 每个样本的 KL(p(y|x) ‖ p(y))
    return kl.mean().exp().item()


one_hot_diverse = F.one_hot(torch.arange(100) % K, K).double()  # 每张都很确定，4 类各占 1/4
collapsed = F.one_hot(torch.zeros(100, dtype=torch.long), K).double()  # 模式崩溃：全是同一类
blurry = torch.full((100, K), 1 / K, dtype=torch.float64)  # 每张都看不出是什么
random = F.softmax(2 * torch.randn(100, K, dtype=torch.float64), dim=1)
scores = [inception_score(p) for p in (one_hot_diverse, collapsed, blurry, random)]
print([round(s, 4) for s in scores])
# > [4.0, 1.0, 1.0, 1.894]

# 检查：KL 部分与 F.kl_div 一致（F.kl_div(log q, p) = Σ p·(log p − log q)）
p_y = random.mean(dim=0, keepdim=True).expand_as(random)
kl_ref = F.kl_div(p_y.log(), random, reduction="batchmean")
assert abs(scores[3] - kl_ref.exp().item()) < 1e-12
# 检查：E[KL] = H(p(y)) − E[H(p(y|x))]（类别标签与样本的互信息）
mutual_info = entropy(random.mean(0)) - entropy(random).mean()
assert abs(math.log(scores[3]) - mutual_info.item()) < 1e-12
# 检查：最好是 K（确定且均匀覆盖所有类别），坍塌或模糊都只有 1
assert abs(scores[0] - K) < 1e-9 and abs(scores[1] - 1) < 1e-9 and abs(scores[2] - 1) < 1e-9
assert 1 <= scores[3] <= K
