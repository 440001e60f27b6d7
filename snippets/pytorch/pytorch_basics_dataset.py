"""Dataset 与 DataLoader：Dataset 只回答“有几个样本”和“第 i 个样本是什么”；
DataLoader 负责按（打乱后的）下标逐个取样本，再用 collate_fn 把它们拼成一个批。"""

import torch
from torch.utils.data import DataLoader, Dataset, default_collate

torch.manual_seed(0)


class ToyDataset(Dataset):
    """N 个样本：特征 x ∈ R^3，标签 y = [x 的分量和 > 0]。"""

    def __init__(self, N: int) -> None:
        self.X = torch.randn(N, 3)
        self.y = (self.X.sum(dim=1) > 0).long()
        self.accessed: list[int] = []  # 记下被取过的下标，看 DataLoader 怎么调用

    def __len__(self) -> int:
        return len(self.X)

    def __getitem__(self, idx: int) -> tuple[torch.Tensor, torch.Tensor]:
        self.accessed.append(idx)  # 真实场景里这里常常是读一个文件、做数据增强
        return self.X[idx], self.y[idx]


ds = ToyDataset(10)
x0, y0 = ds[0]  # 单个样本：形状 (3,) 和标量
ds.accessed.clear()


def make_loader(seed: int) -> DataLoader:
    g = torch.Generator().manual_seed(seed)  # 打乱用单独的随机数生成器，可复现
    return DataLoader(ds, batch_size=4, shuffle=True, generator=g, num_workers=0)


batches = list(make_loader(seed=0))
print([tuple(xb.shape) for xb, _ in batches])
# > [(4, 3), (4, 3), (2, 3)]
order = list(ds.accessed)  # 这个 epoch 取样本的顺序

# 手动复现 DataLoader：按同样的下标取样本，再用默认的 collate 拼起来
manual = [default_collate([ds[i] for i in order[s : s + 4]]) for s in range(0, 10, 4)]
ds.accessed.clear()
list(make_loader(seed=0))
order_again = list(ds.accessed)

# 检查：单个样本与一个批的形状；标签被 collate 成 int64 的一维张量
assert x0.shape == (3,) and y0.shape == () and len(ds) == 10
assert batches[0][1].shape == (4,) and batches[0][1].dtype == torch.int64
# 检查：一个 epoch 里每个样本恰好被取一次，顺序被打乱了
assert sorted(order) == list(range(10)) and order != list(range(10))
# 检查：DataLoader 的每个批 = default_collate([ds[i] for i in 这一批的下标])
for (xb, yb), (xm, ym) in zip(batches, manual, strict=True):
    assert torch.equal(xb, xm) and torch.equal(yb, ym)
# 检查：同一个种子，打乱的顺序完全相同
assert order_again == order
