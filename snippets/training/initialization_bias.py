"""偏置的初始化：一般置 0 即可；两个常见例外——类别极不平衡时把输出偏置设成先验的 logit，
LSTM 把遗忘门偏置设成 1。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 1) 正样本只占 1% 的二分类：输出层偏置 b = log(π/(1-π))，初始预测概率就等于先验 π
pi = 0.01
X = torch.randn(10000, 16)
y = (torch.rand(10000, 1) < pi).float()
head = nn.Linear(16, 1)
nn.init.normal_(head.weight, std=1e-3)  # 权重很小，输出几乎只由偏置决定
losses, mean_prob = {}, {}
for name, b in [("b=0", 0.0), ("b=logit(π)", math.log(pi / (1 - pi)))]:
    nn.init.constant_(head.bias, b)
    losses[name] = F.binary_cross_entropy_with_logits(head(X), y).item()
    mean_prob[name] = torch.sigmoid(head(X)).mean().item()
print({k: round(v, 3) for k, v in losses.items()})
# > {'b=0': 0.693, 'b=logit(π)': 0.056}

# 2) LSTM 的偏置按 (输入门 i, 遗忘门 f, 候选 g, 输出门 o) 排成 4 段，把 f 那一段设成 1
H = 4
lstm = nn.LSTM(input_size=3, hidden_size=H)
for p in lstm.parameters():
    nn.init.zeros_(p)
with torch.no_grad():
    lstm.bias_ih_l0[H : 2 * H] = 1.0
h0, c0 = torch.zeros(1, 1, H), torch.ones(1, 1, H)
_, (_, c1) = lstm(torch.randn(1, 1, 3), (h0, c0))

# 检查：b = logit(π) 时网络一开始预测的概率就是先验 π（b = 0 时是 0.5）；
# 初始损失从 ln 2 降到约等于先验的熵 H(π)
assert abs(mean_prob["b=logit(π)"] - pi) < 1e-4 and abs(mean_prob["b=0"] - 0.5) < 1e-3
assert abs(losses["b=0"] - math.log(2)) < 1e-3
entropy = -(pi * math.log(pi) + (1 - pi) * math.log(1 - pi))
assert abs(losses["b=logit(π)"] - entropy) < 0.01
# 检查：权重全 0 时 c1 = f·c0 + i·g = σ(1)·1 + 0.5·tanh(0) = σ(1)：第 2 段确实是遗忘门
torch.testing.assert_close(c1, torch.sigmoid(torch.ones(1, 1, H)))
