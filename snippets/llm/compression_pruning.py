"""剪枝：对照 torch.nn.utils.prune；非结构化稀疏不减少稠密矩阵乘的运算量，删掉通道才减少。"""

import itertools

import torch
from torch import nn
from torch.nn.utils import prune
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

# ---- 非结构化的幅值剪枝：绝对值最小的 50% 置零，对照 prune.l1_unstructured ----
layer = nn.Linear(64, 32)
w = layer.weight.detach().clone()
k = w.numel() // 2
mask = torch.ones_like(w)
mask.view(-1)[w.abs().flatten().argsort()[:k]] = 0  # 自己写：排序后把最小的 k 个置零
prune.l1_unstructured(layer, "weight", amount=0.5)
assert torch.equal(layer.weight_mask, mask)
# prune 的实现方式：保留原参数 weight_orig，再用前向预钩子算 weight = weight_orig * weight_mask
assert torch.equal(layer.weight, layer.weight_orig * layer.weight_mask)
prune.remove(layer, "weight")  # 把掩码“烧”进参数，去掉 weight_orig 和钩子
print(
    tuple(layer.weight.shape), f"零的个数 {int((layer.weight == 0).sum())}/{layer.weight.numel()}"
)
# > (32, 64) 零的个数 1024/2048

# ---- 结构化剪枝：按 L2 范数删掉一半输出通道（行），对照 prune.ln_structured ----
fc1, fc2 = nn.Linear(64, 32), nn.Linear(32, 16)
norms = fc1.weight.detach().norm(dim=1)
keep = norms.argsort()[16:].sort().values  # 范数最大的 16 个输出通道
prune.ln_structured(fc1, "weight", amount=0.5, n=2, dim=0)
kept_rows = fc1.weight_mask.all(dim=1).nonzero().flatten()
assert torch.equal(kept_rows, keep)
assert not fc1.weight_mask[~fc1.weight_mask.all(dim=1)].any()  # 被剪的行整行为 0
# 注意：ln_structured 只剪 weight，偏置不动；被剪通道的输出仍是 b_i
x = torch.randn(8, 64)
assert torch.equal(
    fc1(x)[:, fc1.weight_mask[:, 0] == 0],
    fc1.bias.detach().expand(8, -1)[:, fc1.weight_mask[:, 0] == 0],
)

# 真正“删掉”通道：建一个更小的网络，fc1 只留 16 行（连同偏置），fc2 只留对应的 16 列
with torch.no_grad():
    fc1.bias[fc1.weight_mask[:, 0] == 0] = 0  # 让掩码模型的被剪通道完全为 0
    small1, small2 = nn.Linear(64, 16), nn.Linear(16, 16)
    small1.weight.copy_(fc1.weight[keep])
    small1.bias.copy_(fc1.bias[keep])
    small2.weight.copy_(fc2.weight[:, keep])
    small2.bias.copy_(fc2.bias)
masked = nn.Sequential(fc1, nn.ReLU(), fc2)
small = nn.Sequential(small1, nn.ReLU(), small2)
torch.testing.assert_close(small(x), masked(x))  # 输出相同


def flops(model: nn.Module, inp: torch.Tensor) -> int:
    with FlopCounterMode(display=False) as fc:
        model(inp)
    return fc.get_total_flops()


f_dense = flops(nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16)), x)
f_masked, f_small = flops(masked, x), flops(small, x)
print(f"矩阵乘法 FLOPs：原网络 {f_dense}，掩码剪枝 {f_masked}，删掉通道 {f_small}")
# > 矩阵乘法 FLOPs：原网络 40960，掩码剪枝 40960，删掉通道 20480
# 闭式：一个 n×d_in 乘 d_in×d_out 的矩阵乘是 2·n·d_in·d_out 次浮点运算
assert f_dense == f_masked == 2 * 8 * (64 * 32 + 32 * 16)
assert f_small == 2 * 8 * (64 * 16 + 16 * 16)

# ---- 2:4 半结构化稀疏：每连续 4 个权重里留绝对值最大的 2 个 ----
w = torch.randn(8, 16)
g = w.reshape(8, -1, 4)
top2 = g.abs().topk(2, dim=2).indices
mask24 = torch.zeros_like(g).scatter_(2, top2, 1.0).reshape(8, 16)
assert (mask24.reshape(8, -1, 4).sum(dim=2) == 2).all()  # 每组恰好 2 个非零，整体 50% 稀疏
# 暴力枚举每组 C(4,2) = 6 种模式：topk 选的正是保留平方和最大的那一种
for row, grp in itertools.product(range(8), range(4)):
    vals = w[row, 4 * grp : 4 * grp + 4] ** 2
    best = max(itertools.combinations(range(4), 2), key=lambda c: vals[list(c)].sum().item())
    assert set(best) == set(top2[row, grp].tolist())
# 压缩存储：只存非零值（8×8，一半），外加每个值在组内的位置（0～3，2 比特），能原样还原
pos = top2.sort(dim=2).values
vals = torch.gather(g, 2, pos)
rebuilt = torch.zeros_like(g).scatter_(2, pos, vals).reshape(8, 16)
assert torch.equal(rebuilt, w * mask24)
print(tuple(vals.reshape(8, -1).shape), tuple(w.shape))
# > (8, 8) (8, 16)
