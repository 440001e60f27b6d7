"""表格数据的增强：数值列加小噪声（类别列不动）；少数类过采样 SMOTE（Chawla 等 2002）：
在少数类样本与它的某个近邻之间的线段上随机取点，合成新样本。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 1) 数值列加噪声：按每列的标准差缩放；最后一列是类别编码，不能加噪声
X_tab = torch.cat(
    [torch.randn(50, 3) * torch.tensor([1.0, 10.0, 100.0]), torch.randint(0, 3, (50, 1))], 1
)
numeric = torch.tensor([True, True, True, False])
col_std = X_tab.std(dim=0)
X_noisy = X_tab + 0.05 * col_std * torch.randn_like(X_tab) * numeric

# 2) SMOTE：多数类 100 个、少数类 10 个，合成 90 个少数类样本使两类平衡
X_min = torch.randn(10, 2) * 0.5 + torch.tensor([2.0, 2.0])
n_major, k = 100, 3
D = torch.cdist(X_min, X_min)
D.fill_diagonal_(float("inf"))  # 不把自己算作近邻
neighbors = D.topk(k, largest=False).indices  # (10, k)：每个少数类样本的 k 个最近邻
n_new = n_major - len(X_min)
i = torch.randint(0, len(X_min), (n_new,))  # 随机挑一个少数类样本
nn_idx = neighbors[i, torch.randint(0, k, (n_new,))]  # 再随机挑它的一个近邻
u = torch.rand(n_new, 1)
X_new = X_min[i] + u * (X_min[nn_idx] - X_min[i])
print(X_new.shape, len(X_min) + len(X_new))
# > torch.Size([90, 2]) 100

# 检查 1：类别列原样不动；数值列的噪声与各列尺度成比例（相对标准差约 0.05）
assert torch.equal(X_noisy[:, 3], X_tab[:, 3])
rel = ((X_noisy - X_tab)[:, :3].std(dim=0) / col_std[:3]).tolist()
assert all(0.03 < r < 0.07 for r in rel)
# 检查 2：近邻里不含自己，且确实是距离最小的 k 个
assert (neighbors != torch.arange(10)[:, None]).all()
torch.testing.assert_close(D.gather(1, neighbors), D.sort(dim=1).values[:, :k])
# 检查 3：每个新样本都在 x_i 与其近邻之间的线段上：两向量共线（二维叉积为 0），投影系数在 [0, 1]
a, b = X_new - X_min[i], X_min[nn_idx] - X_min[i]
torch.testing.assert_close(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0], torch.zeros(n_new))
proj = (a * b).sum(dim=1) / (b * b).sum(dim=1)
assert ((proj >= 0) & (proj <= 1)).all()
# 检查 4：新样本不会跑出少数类的范围（线段上的点是两个端点的凸组合）
assert (X_new >= X_min.min(dim=0).values).all() and (X_new <= X_min.max(dim=0).values).all()
