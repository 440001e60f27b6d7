"""点击率（CTR）预估里的 DNN：离散特征（用户 ID、物品 ID、类目）先查 Embedding 表变成稠密向量，
拼接后送进 MLP。Embedding 查表 = one-hot 向量乘权重矩阵；参数量 = 类别数 × 维度。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

field_sizes = {"user_id": 1000, "item_id": 500, "category": 20}  # 每个离散特征的取值个数
dim = 8  # 每个取值映射成 8 维向量
embeddings = nn.ModuleDict({name: nn.Embedding(n, dim) for name, n in field_sizes.items()})
mlp = nn.Sequential(
    nn.Linear(3 * dim, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1)
)

# 一个批次：4 条曝光记录，每条 3 个离散特征
batch = {name: torch.randint(0, n, (4,)) for name, n in field_sizes.items()}
h = torch.cat([embeddings[name](idx) for name, idx in batch.items()], dim=1)  # (4, 24)
p_click = torch.sigmoid(mlp(h))  # 点击概率
print(h.shape, p_click.shape)
# > torch.Size([4, 24]) torch.Size([4, 1])

n_emb = sum(p.numel() for p in embeddings.parameters())
n_mlp = sum(p.numel() for p in mlp.parameters())
print(n_emb, n_mlp)
# > 12160 1345

# 检查：参数量 = Σ 类别数 × 维度（Embedding 没有偏置）+ MLP 各层 n_in·n_out + n_out
assert n_emb == (1000 + 500 + 20) * dim
assert n_mlp == (24 * 32 + 32) + (32 * 16 + 16) + (16 * 1 + 1)
# 检查：查表等于 one-hot 乘权重矩阵，即一个没有偏置、输入是 one-hot 的全连接层
E = embeddings["user_id"]
one_hot = F.one_hot(batch["user_id"], num_classes=1000).float()
torch.testing.assert_close(E(batch["user_id"]), one_hot @ E.weight)
# 检查：反向传播后，只有本批出现过的 ID 那几行有非零梯度（更新是稀疏的）
F.binary_cross_entropy(p_click.squeeze(1), torch.tensor([1.0, 0.0, 0.0, 1.0])).backward()
rows_with_grad = set(E.weight.grad.abs().sum(dim=1).nonzero().flatten().tolist())
assert rows_with_grad == set(batch["user_id"].tolist())
