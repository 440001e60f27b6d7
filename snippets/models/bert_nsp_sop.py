"""NSP：一半真下一句、一半别的文档的句子，只看“是否同一主题”就能做对；SOP 堵住这条捷径。"""

import random

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
rng = random.Random(0)  # 造样本用 Python 自带的随机数，比逐个调用 torch 快
n_docs, n_sents = 20, 6  # 玩具语料：20 篇文档，每篇 6 句；句子记为 (文档号, 句号)


def nsp_example() -> tuple[tuple[int, int], tuple[int, int], int]:
    """标签沿用 Hugging Face 的约定：0 = IsNext，1 = NotNext。"""
    d, i = rng.randrange(n_docs), rng.randrange(n_sents - 1)
    if rng.random() < 0.5:
        return (d, i), (d, i + 1), 0  # 真正的下一句
    other = (d + 1 + rng.randrange(n_docs - 1)) % n_docs  # 随机取另一篇文档
    return (d, i), (other, rng.randrange(n_sents)), 1


def sop_example() -> tuple[tuple[int, int], tuple[int, int], int]:
    """ALBERT 的句子顺序预测：正例是相邻两句按原顺序，负例是同样两句对调。"""
    d, i = rng.randrange(n_docs), rng.randrange(n_sents - 1)
    if rng.random() < 0.5:
        return (d, i), (d, i + 1), 0
    return (d, i + 1), (d, i), 1


def topic_only(a: tuple[int, int], b: tuple[int, int]) -> int:
    """只看主题的“捷径”：同一篇文档就猜 0（IsNext / 顺序正确），否则猜 1。"""
    return 0 if a[0] == b[0] else 1


N = 2000
nsp = [nsp_example() for _ in range(N)]
sop = [sop_example() for _ in range(N)]
n_is_next = sum(y == 0 for _, _, y in nsp)
n_nsp = sum(topic_only(a, b) == y for a, b, y in nsp)  # 只看主题的规则答对的个数
n_sop = sum(topic_only(a, b) == y for a, b, y in sop)
print(f"{N} 对中：IsNext {n_is_next} 对；只看主题：NSP 答对 {n_nsp}，SOP 答对 {n_sop}")
# > 2000 对中：IsNext 1001 对；只看主题：NSP 答对 2000，SOP 答对 999
is_next, acc_nsp, acc_sop = n_is_next / N, n_nsp / N, n_sop / N

# NSP 头：[CLS] 位置的输出 → 池化层（Linear + tanh）→ Linear(H, 2)
H, B, T = 16, 4, 9
sequence_output = torch.randn(B, T, H, requires_grad=True)  # 假装是编码器的输出
pooler, nsp_head = nn.Linear(H, H), nn.Linear(H, 2)
pooled = torch.tanh(pooler(sequence_output[:, 0]))  # 只取 [CLS]
logits = nsp_head(pooled)
y = torch.tensor([0, 1, 1, 0])
loss = F.cross_entropy(logits, y)
loss.backward()

# 检查 1：IsNext / NotNext 各占一半（2000 个样本，标准差约 0.011）
assert abs(is_next - 0.5) < 0.04
# 检查 2：IsNext 样本确实相邻，NotNext 样本来自另一篇文档
assert all(b == (a[0], a[1] + 1) for a, b, y in nsp if y == 0)
assert all(a[0] != b[0] for a, b, y in nsp if y == 1)
# 检查 3：NSP 可以只靠“是不是同一主题”全部做对；SOP 两类都来自同一文档，捷径只剩瞎猜
assert acc_nsp == 1.0 and abs(acc_sop - 0.5) < 0.05
# 检查 4：NSP 头输出 (B, 2)，是对 [CLS] 向量的二分类交叉熵
assert logits.shape == (B, 2)
torch.testing.assert_close(loss, -F.log_softmax(logits, dim=1)[torch.arange(B), y].mean())
# 检查 5：在这个头里，梯度只流向 [CLS] 位置（在完整模型里，[CLS] 经注意力汇集了所有位置）
assert (sequence_output.grad[:, 1:] == 0).all() and (sequence_output.grad[:, 0] != 0).any()
