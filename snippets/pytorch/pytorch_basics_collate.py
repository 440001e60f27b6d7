"""collate_fn：默认的 collate 用 torch.stack 拼样本，长度不同的序列拼不起来；
自定义 collate_fn 把它们补齐（padding）到同一长度，再记下每条的真实长度。"""

import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

# 4 条长度不同的“句子”（词的编号），0 留作填充符
sentences = [
    torch.tensor([5, 3, 8]),
    torch.tensor([2]),
    torch.tensor([7, 7, 1, 4]),
    torch.tensor([9, 6]),
]
labels = [1, 0, 1, 0]
# 有 __len__ 和 __getitem__ 的普通列表也能当 Dataset 用
dataset = list(zip(sentences, labels, strict=True))

default_failed = False
try:
    next(iter(DataLoader(dataset, batch_size=2)))
except RuntimeError:  # stack expects each tensor to be equal size
    default_failed = True


def pad_collate(
    batch: list[tuple[torch.Tensor, int]],
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    seqs, ys = zip(*batch, strict=True)
    lengths = torch.tensor([len(s) for s in seqs])
    padded = pad_sequence(list(seqs), batch_first=True, padding_value=0)  # (B, 最长长度)
    return padded, lengths, torch.tensor(ys)


loader = DataLoader(dataset, batch_size=2, collate_fn=pad_collate)
(X1, len1, y1), (X2, len2, y2) = list(loader)
print(X1.tolist(), len1.tolist())
# > [[5, 3, 8], [2, 0, 0]] [3, 1]

# 由长度得到掩码（mask）：True 表示真实的词
mask = torch.arange(X2.shape[1]) < len2[:, None]

# 检查：默认 collate 拼不了不等长的张量
assert default_failed
# 检查：补齐后的形状是 (批大小, 这一批里最长的长度)，每一批各自补齐
assert X1.shape == (2, 3) and X2.shape == (2, 4)
# 检查：去掉填充后还原出原来的句子；填充位置都是 0
for X, lengths, start in ((X1, len1, 0), (X2, len2, 2)):
    for k in range(2):
        assert torch.equal(X[k, : lengths[k]], sentences[start + k])
        assert (X[k, lengths[k] :] == 0).all()
assert mask.tolist() == [[True, True, True, True], [True, True, False, False]]
assert y1.tolist() == [1, 0] and y2.tolist() == [1, 0]
