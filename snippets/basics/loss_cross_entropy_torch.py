"""PyTorch 里交叉熵的几种等价写法：CrossEntropyLoss = log_softmax + NLLLoss；
目标可以是类别下标或概率分布；label_smoothing 等于换成平滑后的目标分布；
类别维必须放在第 1 维；ignore_index 的位置不计入平均。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
N, K = 4, 3
logits = torch.randn(N, K)
y = torch.tensor([0, 2, 1, 2])

ce = nn.CrossEntropyLoss()(logits, y)  # 输入是 logits，不要先做 softmax
nll = nn.NLLLoss()(F.log_softmax(logits, dim=1), y)  # 输入是 log 概率
per_sample = F.cross_entropy(logits, y, reduction="none")  # 每个样本一个损失，形状 (N,)
print(f"{ce.item():.4f}", per_sample.shape)
# > 0.9357 torch.Size([4])

# 标签平滑：目标变成 (1 − ε)·独热 + ε/K
eps = 0.1
smoothed = (1 - eps) * F.one_hot(y, K).float() + eps / K

# 序列标注：每个位置一个类别，logits 形状 (N, K, T)，标签 (N, T)——类别维在第 1 维
T = 5
logits_seq = torch.randn(N, K, T)
y_seq = torch.randint(0, K, (N, T))
y_seq[0, 3:] = -100  # 填充位置，用默认的 ignore_index = −100 标记
flat_logits = logits_seq.permute(0, 2, 1).reshape(-1, K)  # (N·T, K)
keep = y_seq.reshape(-1) != -100

# 检查：CrossEntropyLoss 与 log_softmax + NLLLoss、与逐样本损失的平均一致
torch.testing.assert_close(ce, nll)
torch.testing.assert_close(ce, per_sample.mean())
# 检查：独热概率目标与下标目标等价
torch.testing.assert_close(ce, F.cross_entropy(logits, F.one_hot(y, K).float()))
# 检查：label_smoothing 等于把目标换成平滑分布
torch.testing.assert_close(
    F.cross_entropy(logits, y, label_smoothing=eps), F.cross_entropy(logits, smoothed)
)
# 检查：(N, K, T) 的交叉熵 = 摊平成 (N·T, K) 后只对非填充位置取平均
expected = F.cross_entropy(flat_logits[keep], y_seq.reshape(-1)[keep])
torch.testing.assert_close(F.cross_entropy(logits_seq, y_seq), expected)
