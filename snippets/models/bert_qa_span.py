"""抽取式问答：在段落里找 start ≤ end、使 start_logit + end_logit 最大的片段。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
# 输入：[CLS] 问题 2 个词 [SEP] 段落 8 个词 [SEP]，位置 0..12；答案只能在段落（位置 4..11）里
tokens = ["[CLS]", "q1", "q2", "[SEP]"] + [f"p{k}" for k in range(8)] + ["[SEP]"]
is_passage = torch.tensor([t.startswith("p") for t in tokens])
# 玩具 logits（真实模型里 = 每个位置的输出向量与起点向量 S、终点向量 E 的点积）
start = torch.tensor([1.0, 3.0, 0.5, 0.0, 0.2, 1.0, 0.1, 2.5, 0.3, 1.9, 0.0, 0.4, 0.0])
end = torch.tensor([1.0, 0.1, 2.8, 0.0, 0.1, 0.3, 2.2, 0.5, 1.5, 0.2, 2.0, 0.1, 0.0])


def best_span(start: torch.Tensor, end: torch.Tensor, allowed: torch.Tensor, max_len: int):
    """得分矩阵 score[i, j] = start[i] + end[j]，只保留 i ≤ j < i + max_len 且都在段落内。"""
    T = start.shape[0]
    score = start[:, None] + end[None, :]
    ones = torch.ones(T, T, dtype=torch.bool)
    valid = torch.triu(ones) & ~torch.triu(ones, diagonal=max_len)  # 0 ≤ j - i < max_len
    valid &= allowed[:, None] & allowed[None, :]
    score = score.masked_fill(~valid, float("-inf"))
    i, j = divmod(int(score.argmax()), T)
    return i, j, score[i, j].item()


def brute_force(start: torch.Tensor, end: torch.Tensor, allowed: torch.Tensor, max_len: int):
    """参照实现：两重循环枚举所有合法片段。"""
    idx = [k for k in range(len(start)) if allowed[k]]
    pairs = [(i, j) for i in idx for j in idx if i <= j < i + max_len]
    i, j = max(pairs, key=lambda p: (start[p[0]] + end[p[1]]).item())
    return i, j, (start[i] + end[j]).item()


i, j, s = best_span(start, end, is_passage, max_len=30)
print(f"答案：{tokens[i]}..{tokens[j]}，得分 {s:.1f}")
# > 答案：p3..p6，得分 4.5
naive_i = int(start.masked_fill(~is_passage, -1e9).argmax())
naive_j = int(end.masked_fill(~is_passage, -1e9).argmax())
print(f"各自取 argmax：start={tokens[naive_i]}, end={tokens[naive_j]}")
# > 各自取 argmax：start=p3, end=p2

# 检查 1：向量化的片段搜索与两重循环一致（不同的最长长度下都一致）
for max_len in (1, 3, 30):
    assert (
        best_span(start, end, is_passage, max_len)[:2]
        == brute_force(start, end, is_passage, max_len)[:2]
    )
assert (i, j) == (7, 10) and best_span(start, end, is_passage, max_len=3)[:2] == (7, 8)
# 检查 2：起点、终点各自取 argmax 得到 end < start，不是合法片段；不限制在段落里还会落到问题上
assert naive_j < naive_i
assert int(start.argmax()) == 1 and tokens[1] == "q1"
# 检查 3：按概率 P_start(i)·P_end(j) 找最大，选出的是同一个片段（log 概率 = logit − 常数）
P = F.softmax(start, 0)[:, None] * F.softmax(end, 0)[None, :]
score_logits = start[:, None] + end[None, :]
torch.testing.assert_close(P.log(), score_logits - start.logsumexp(0) - end.logsumexp(0))
log_p_start, log_p_end = F.log_softmax(start, 0), F.log_softmax(end, 0)
assert best_span(log_p_start, log_p_end, is_passage, max_len=30)[:2] == (i, j)
# 检查 4：SQuAD 2.0 的“无答案”：用 [CLS] 处的得分 s_null 与最好片段比，差距超过阈值 τ 才作答
s_null = (start[0] + end[0]).item()
assert s > s_null + 0.0  # τ = 0：作答
assert not s > s_null + 3.0  # τ = 3：判为无答案
# 检查 5：训练损失 = 起点与终点两个交叉熵的平均（论文写作对数似然之和，只差常数倍）
B, T = 4, len(tokens)
start_logits, end_logits = torch.randn(B, T), torch.randn(B, T)
start_pos, end_pos = torch.tensor([7, 4, 9, 5]), torch.tensor([10, 4, 11, 8])
loss = (F.cross_entropy(start_logits, start_pos) + F.cross_entropy(end_logits, end_pos)) / 2
logp_start = F.log_softmax(start_logits, 1)[torch.arange(B), start_pos]
logp_end = F.log_softmax(end_logits, 1)[torch.arange(B), end_pos]
manual = -(logp_start + logp_end).mean() / 2
torch.testing.assert_close(loss, manual)
