"""在两个话题的小语料上训练 SGNS（skip-gram + 负采样），5 个不同初始化的模型一起训练：每个模型里
同一话题的词都更相近，话题内的平均余弦相似度上升，并且明显高于跨话题的平均余弦相似度。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
# 话题 A：动物；话题 B：编程。两个话题没有共同的词
topic_a = [
    "猫 吃 鱼",
    "狗 吃 肉",
    "狗 啃 骨头",
    "猫 追 老鼠",
    "狗 追 猫",
    "猫 吃 老鼠",
    "狗 吃 骨头",
]
topic_a += ["猫 喜欢 鱼", "狗 喜欢 肉"]
topic_b = ["程序员 写 代码", "电脑 运行 程序", "程序员 调试 程序", "代码 出现 错误"]
topic_b += [
    "程序员 修复 错误",
    "电脑 编译 代码",
    "程序员 写 程序",
    "电脑 运行 代码",
    "程序 出现 错误",
]
sentences = [s.split() for s in topic_a + topic_b]
vocab = sorted({w for s in sentences for w in s})
idx = {w: i for i, w in enumerate(vocab)}
V, d, K, c = len(vocab), 8, 5, 2

# 所有（中心词, 上下文词）对：窗口半径 2，每句只有 3 个词，所以同句的词两两成对
pairs = [
    (idx[s[t]], idx[s[j]])
    for s in sentences
    for t in range(len(s))
    for j in range(max(0, t - c), min(len(s), t + c + 1))
    if j != t
]
centers, contexts = torch.tensor(pairs).T
counts = torch.bincount(torch.tensor([idx[w] for s in sentences for w in s]), minlength=V)
P_n = counts.double() ** 0.75
P_n = P_n / P_n.sum()  # 负例分布

S_SEEDS = 5  # 同时训练 5 个独立的模型（不同的初始化、不同的负例），结论要对每一个都成立
W_in = (0.1 * torch.randn(S_SEEDS, V, d)).requires_grad_()
W_out = (0.1 * torch.randn(S_SEEDS, V, d)).requires_grad_()
opt = torch.optim.Adam([W_in, W_out], lr=0.05)  # Adam 逐元素更新，5 个模型互不影响
g = torch.Generator().manual_seed(0)

set_a = {idx[w] for s in topic_a for w in s.split()}
same = torch.tensor([[(i in set_a) == (j in set_a) for j in range(V)] for i in range(V)])
off_diag = ~torch.eye(V, dtype=torch.bool)


def similarity() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """每个模型的词向量两两余弦相似度 (S, V, V)，以及每个模型的话题内平均、跨话题平均。
    词向量取输入向量与输出向量之和（GloVe 也这样做）：这个小语料里同话题的词多是直接共现，
    而 u·v 描述的正是直接共现；只用输入向量时，相似只来自“上下文相同”，信号弱得多。"""
    E = F.normalize((W_in + W_out).detach(), dim=-1)
    S = E @ E.transpose(1, 2)
    return S, S[:, same & off_diag].mean(dim=1), S[:, ~same].mean(dim=1)


_, within_0, across_0 = similarity()
seeds = torch.arange(S_SEEDS)[:, None, None]
for _ in range(200):
    neg = torch.multinomial(P_n, S_SEEDS * len(pairs) * K, replacement=True, generator=g)
    neg = neg.view(S_SEEDS, len(pairs), K)
    v = W_in[:, centers]  # (S, P, d)
    pos_score = (W_out[:, contexts] * v).sum(dim=-1)  # (S, P)
    neg_score = torch.einsum("spkd,spd->spk", W_out[seeds, neg], v)  # (S, P, K)
    per_pair = F.logsigmoid(pos_score) + F.logsigmoid(-neg_score).sum(dim=-1)
    loss = -per_pair.mean(dim=1).sum()  # 各模型的平均损失相加：每个模型只拿到自己的梯度
    opt.zero_grad()
    loss.backward()
    opt.step()

S, within, across = similarity()
w0, w1, a0, a1 = within_0[0], within[0], across_0[0], across[0]
print(f"第 1 个模型：话题内 {w0:.2f} → {w1:.2f}，跨话题 {a0:.2f} → {a1:.2f}")
# > 第 1 个模型：话题内 -0.03 → 0.58，跨话题 -0.01 → -0.62
for a, b in [("猫", "狗"), ("代码", "程序"), ("猫", "代码")]:
    print(a, b, round(S[0, idx[a], idx[b]].item(), 2))
# > 猫 狗 0.61
# > 代码 程序 0.63
# > 猫 代码 -0.9
code_prog = S[:, idx["代码"], idx["程序"]]
lo, hi, cp = within.min(), across.max(), code_prog.min()
print(f"5 个模型：话题内最低 {lo:.1f}，跨话题最高 {hi:.1f}，代码-程序最低 {cp:.1f}")
# > 5 个模型：话题内最低 0.5，跨话题最高 -0.6，代码-程序最低 0.6

# 检查 1：语料如上面所说：两个话题各 9 句、没有共同的词，“代码”和“程序”从不在同一句里
set_b = {idx[w] for s in topic_b for w in s.split()}
assert len(topic_a) == len(topic_b) == 9 and V == 21 and not set_a & set_b
assert not any("代码" in s and "程序" in s for s in sentences)
# 检查 2：5 个模型都是：训练后话题内的平均相似度明显上升，并且明显高于跨话题
assert (within > within_0 + 0.3).all() and (within > across + 0.8).all()
# 检查 3：5 个模型都是：没有共现过的“代码”“程序”也变得相近，而且比它们与另一话题任何词都近
topic_a_ids = sorted(set_a)
assert (code_prog > 0.5).all()
assert (code_prog > S[:, idx["代码"], topic_a_ids].max(dim=1).values).all()
