"""SFT 的损失掩码：提示词元的标签设为 -100，cross_entropy（默认 ignore_index=-100）
只对回答词元求平均；按词元平均与按序列平均在长度不同时不相等。
"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
V = 10  # 词表大小
# 两条样本：(提示长度, 回答长度) = (3, 2) 与 (2, 5)，右侧用 pad 补齐到 7
lens = [(3, 2), (2, 5)]
T = 7
logits = torch.randn(2, T, V, dtype=torch.float64)  # 位置 t 的输出预测第 t+1 个词元
tokens = torch.randint(0, V, (2, T))
labels = tokens.clone()
resp_mask = torch.zeros(2, T, dtype=torch.bool)  # 哪些词元属于回答
for b, (p, r) in enumerate(lens):
    labels[b, :p] = -100  # 提示词元不算损失
    labels[b, p + r :] = -100  # pad 也不算
    resp_mask[b, p : p + r] = True

# 因果语言模型：logits 去掉最后一个位置，标签去掉第一个位置（右移一位）；
# 不传 ignore_index，用的就是默认值 -100
loss = F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1))

# 手算：回答里的每个词元 y_t 取 -log softmax(前一个位置的 logits)[y_t]，再对全部回答词元求平均
logp = torch.log_softmax(logits[:, :-1], dim=-1)
nll = -logp.gather(-1, tokens[:, 1:].unsqueeze(-1)).squeeze(-1)  # (2, T-1)
mask = resp_mask[:, 1:]
per_token = nll[mask].mean()
torch.testing.assert_close(loss, per_token)
print(int(mask.sum()))  # 参与平均的词元数：2 + 5
# > 7

# 不加掩码时损失不同（提示和 pad 也被算进去了）
assert not torch.isclose(
    F.cross_entropy(logits[:, :-1].reshape(-1, V), tokens[:, 1:].reshape(-1)), loss
)

# 按序列平均：先在每条序列内对回答词元求平均，再对序列求平均
means = torch.stack([nll[b][mask[b]].mean() for b in range(2)])
per_seq = means.mean()
# 两者只在各序列长度相等时相同；这里长度 2 和 5，权重分别是 (2/7, 5/7) 与 (1/2, 1/2)
torch.testing.assert_close(per_token, (2 * means[0] + 5 * means[1]) / 7)
print(f"{per_token.item():.3f} {per_seq.item():.3f}")
# > 2.787 3.107
assert abs(per_token - per_seq) > 0.1
