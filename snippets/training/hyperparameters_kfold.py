"""K 折交叉验证的切分：打乱后切成 K 份，轮流拿一份做验证集；每个样本恰好当一次验证样本。"""

import torch

torch.manual_seed(0)


def kfold_indices(n: int, K: int) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """返回 K 组 (训练下标, 验证下标)。前 n % K 份各多 1 个样本（与 sklearn 的 KFold 相同）。"""
    perm = torch.randperm(n)
    sizes = [n // K + (1 if k < n % K else 0) for k in range(K)]
    starts = [sum(sizes[:k]) for k in range(K)]
    folds = [perm[s : s + size] for s, size in zip(starts, sizes, strict=True)]
    return [(torch.cat(folds[:k] + folds[k + 1 :]), folds[k]) for k in range(K)]


n, K = 23, 5
splits = kfold_indices(n, K)
for k, (tr, va) in enumerate(splits):
    print(f"第 {k} 折：训练 {len(tr)} 个，验证 {len(va)} 个：{sorted(va.tolist())}")
# > 第 0 折：训练 18 个，验证 5 个：[3, 8, 15, 16, 19]
# > 第 1 折：训练 18 个，验证 5 个：[4, 7, 14, 20, 22]
# > 第 2 折：训练 18 个，验证 5 个：[1, 6, 9, 10, 13]
# > 第 3 折：训练 19 个，验证 4 个：[5, 11, 12, 17]
# > 第 4 折：训练 19 个，验证 4 个：[0, 2, 18, 21]

# 检查 1：每个样本恰好在一个验证折里出现一次，在其余 K-1 折里当训练样本
val_count = torch.zeros(n, dtype=torch.long)
train_count = torch.zeros(n, dtype=torch.long)
for tr, va in splits:
    val_count[va] += 1
    train_count[tr] += 1
    # 同一折里训练集与验证集不相交，合起来是全部样本
    assert set(tr.tolist()).isdisjoint(va.tolist())
    assert sorted(tr.tolist() + va.tolist()) == list(range(n))
assert (val_count == 1).all() and (train_count == K - 1).all()
# 检查 2：各折大小最多相差 1，与 torch.tensor_split 的切法一致
sizes = [len(va) for _, va in splits]
assert max(sizes) - min(sizes) <= 1
assert sizes == [len(c) for c in torch.tensor_split(torch.arange(n), K)]
