"""欧氏距离被量纲大的特征主导：不缩放时，最近邻几乎只由收入决定；标准化后两个特征同等重要。"""

import torch

torch.manual_seed(0)

# 两个特征：年龄（岁）和月收入（元）
X = torch.tensor(
    [
        [25.0, 10000.0],  # 0：查询样本
        [60.0, 10200.0],  # 1：年龄差 35 岁，收入只差 200 元
        [26.0, 10500.0],  # 2：年龄几乎相同，收入差 500 元
    ]
)
# 用一个更大的训练集估计每个特征的均值和标准差
train = torch.randn(1000, 2) * torch.tensor([12.0, 3000.0]) + torch.tensor([40.0, 12000.0])
mu, sigma = train.mean(dim=0), train.std(dim=0, correction=0)
Z = (X - mu) / sigma


def nearest(P: torch.Tensor) -> int:
    d = torch.cdist(P[:1], P[1:])  # 查询样本到其余样本的欧氏距离
    return int(d.argmin()) + 1


print(nearest(X), nearest(Z))
# > 1 2

# 检查：不缩放时，距离平方几乎全部来自收入这一维
diff = X[1] - X[0]
assert diff[1] ** 2 / (diff**2).sum() > 0.95
# 检查：缩放后最近邻变成年龄相近的样本 2；cdist 与手算的欧氏距离一致
assert nearest(X) == 1 and nearest(Z) == 2
torch.testing.assert_close(torch.cdist(Z[:1], Z[1:])[0], (Z[1:] - Z[0]).norm(dim=1))
