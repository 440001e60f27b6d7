"""稀疏 ID 的嵌入：nn.Embedding 与 nn.EmbeddingBag 都等于“独热（multi-hot）向量 × 嵌入矩阵”。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
n_ids, d = 10, 4
emb = nn.Embedding(n_ids, d)
W = emb.weight.detach()

# 1) 查表 = 独热向量乘矩阵
ids = torch.tensor([3, 7, 3])
onehot = F.one_hot(ids, n_ids).float()  # (3, 10)
torch.testing.assert_close(emb(ids), onehot @ W)

# 2) EmbeddingBag：一维 input + offsets 表示 3 个长度不等的“袋子”（如用户最近点击的商品）
flat = torch.tensor([1, 2, 4, 4, 9, 0])
offsets = torch.tensor([0, 2, 5])  # 袋子 0 = [1, 2]，袋子 1 = [4, 4, 9]，袋子 2 = [0]
bags = [flat[0:2], flat[2:5], flat[5:6]]
counts = torch.stack([torch.bincount(b, minlength=n_ids) for b in bags]).float()  # multi-hot 计数
for mode, M in [("sum", counts), ("mean", counts / counts.sum(1, keepdim=True))]:
    bag = nn.EmbeddingBag(n_ids, d, mode=mode)
    bag.weight.data.copy_(W)
    torch.testing.assert_close(bag(flat, offsets), M @ W)  # 与 multi-hot 矩阵乘法一致
    torch.testing.assert_close(  # 也与“先查表再逐袋求和/求平均”一致
        bag(flat, offsets),
        torch.stack([getattr(emb(b), mode)(0) for b in bags]),
    )
print(nn.EmbeddingBag(n_ids, d).mode)  # 已安装 PyTorch 的默认 mode
# > mean

# 3) per_sample_weights：每个 ID 带一个权重（如停留时长），只支持 mode="sum"
w = torch.tensor([0.5, 2.0, 1.0, 1.0, 3.0, 1.5])
bag = nn.EmbeddingBag(n_ids, d, mode="sum")
bag.weight.data.copy_(W)
weighted = torch.zeros(3, n_ids)
for r, (s, e) in enumerate([(0, 2), (2, 5), (5, 6)]):
    weighted[r].index_add_(0, flat[s:e], w[s:e])  # 重复的 ID 4 权重相加
torch.testing.assert_close(bag(flat, offsets, per_sample_weights=w), weighted @ W)
for mode in ("mean", "max"):  # 另外两种模式都拒绝 per_sample_weights
    try:
        nn.EmbeddingBag(n_ids, d, mode=mode)(flat, offsets, per_sample_weights=w)
    except (NotImplementedError, ValueError, RuntimeError) as err:
        print(mode, type(err).__name__)
# > mean NotImplementedError
# > max NotImplementedError

# 4) 梯度只落在被查到的行上：没出现的 ID，嵌入这一步不更新
emb.zero_grad()
emb(flat).sum().backward()
touched = emb.weight.grad.abs().sum(1) > 0
print(touched.nonzero().flatten().tolist())
# > [0, 1, 2, 4, 9]
torch.testing.assert_close(  # 每行的梯度 = 该 ID 出现的次数（损失是各分量之和）
    emb.weight.grad[:, 0], torch.bincount(flat, minlength=n_ids).float()
)
print(emb.weight.grad[4].tolist())
# > [2.0, 2.0, 2.0, 2.0]
