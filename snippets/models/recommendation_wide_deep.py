"""Wide & Deep 与 DeepFM 的骨架：区别在 wide 部分是否要人工交叉特征、嵌入是否共享。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 1) 交叉积变换（Cross-product Transformation）φ(x) = Π_i x_i^{c_i}：对二值特征就是逻辑与
for bits in itertools.product([0, 1], repeat=2):  # 如 “装了应用 A” 且 “正在看应用 B”
    x = torch.tensor(bits, dtype=torch.float64)
    c = torch.tensor([1.0, 1.0], dtype=torch.float64)
    assert x.pow(c).prod().item() == float(bits[0] and bits[1])

# 2) 两个模型：3 个类别字段，每个字段 4 个取值，共 12 个 ID；嵌入维度 k
m, per, k = 3, 4, 5
n_ids = m * per


class WideDeep(nn.Module):
    def __init__(self, n_cross: int) -> None:
        super().__init__()
        self.wide = nn.EmbeddingBag(n_ids + n_cross, 1, mode="sum")  # 线性模型 = 一维嵌入求和
        self.emb = nn.Embedding(n_ids, k)  # deep 部分自己的嵌入
        self.mlp = nn.Sequential(nn.Linear(m * k, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, ids: torch.Tensor, cross_ids: torch.Tensor) -> torch.Tensor:
        wide_in = torch.cat([ids, n_ids + cross_ids], 1)  # 原始特征 + 人工设计的交叉特征
        return (self.wide(wide_in) + self.mlp(self.emb(ids).flatten(1))).squeeze(1)


class DeepFM(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.first = nn.EmbeddingBag(n_ids, 1, mode="sum")  # 一阶项
        self.emb = nn.Embedding(n_ids, k)  # FM 与 DNN 共用这一张表
        self.mlp = nn.Sequential(nn.Linear(m * k, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        E = self.emb(ids)  # (B, m, k)
        fm = 0.5 * (E.sum(1).pow(2) - E.pow(2).sum(1)).sum(1)
        return self.first(ids).squeeze(1) + fm + self.mlp(E.flatten(1)).squeeze(1)


B = 8
ids = torch.stack([torch.randint(0, per, (B,)) + f * per for f in range(m)], 1)
cross = (ids[:, 0] * per + ids[:, 1] - per)[:, None]  # 字段 0 × 字段 1 的交叉特征：16 个取值
wd, dfm = WideDeep(n_cross=per * per), DeepFM()
y = torch.randint(0, 2, (B,)).float()

# 检查 1：联合训练 —— 一个损失对两部分同时求梯度，wide 的梯度与单独对 wide 输出求导一致
loss = F.binary_cross_entropy_with_logits(wd(ids, cross), y)
loss.backward()
with torch.no_grad():
    r = (torch.sigmoid(wd(ids, cross)) - y) / B  # ∂loss/∂logit
wide_grad = torch.zeros(n_ids + per * per).index_add_(
    0, torch.cat([ids, n_ids + cross], 1).flatten(), r.repeat_interleave(m + 1)
)
torch.testing.assert_close(wd.wide.weight.grad.squeeze(1), wide_grad)
assert wd.emb.weight.grad.abs().sum() > 0  # deep 部分的嵌入同时得到了梯度

# 检查 2：DeepFM 里同一张嵌入表的梯度 = FM 部分的梯度 + DNN 部分的梯度（共享输入）
E = dfm.emb(ids)
fm_part = 0.5 * (E.sum(1).pow(2) - E.pow(2).sum(1)).sum(1)
g_fm = torch.autograd.grad(fm_part.sum(), dfm.emb.weight, retain_graph=True)[0]
g_dnn = torch.autograd.grad(dfm.mlp(E.flatten(1)).sum(), dfm.emb.weight)[0]
g_all = torch.autograd.grad((dfm(ids) - dfm.first(ids).squeeze(1)).sum(), dfm.emb.weight)[0]
torch.testing.assert_close(g_all, g_fm + g_dnn)
assert g_fm.abs().sum() > 0 and g_dnn.abs().sum() > 0
# 对照：W&D 的 wide 输出根本不经过 deep 的嵌入表（两部分不共享输入），autograd 返回 None
wide_out = wd.wide(torch.cat([ids, n_ids + cross], 1)).sum()
assert torch.autograd.grad(wide_out, wd.emb.weight, allow_unused=True)[0] is None

# 检查 3：参数量对照闭式。MLP 为 (m·k)·16 + 16 + 16 + 1；W&D 的 wide 部分多了 16 个交叉 ID
mlp = m * k * 16 + 16 + 16 + 1
n_wd = sum(p.numel() for p in wd.parameters())
n_dfm = sum(p.numel() for p in dfm.parameters())
assert (n_wd, n_dfm) == (n_ids + per * per + n_ids * k + mlp, n_ids + n_ids * k + mlp)
print(n_wd, n_dfm)
# > 361 345
