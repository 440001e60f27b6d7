"""同一份数据，两种目标：有监督学习用标签 y 最小化交叉熵；
无监督的 k-means 只看 X，最小化“点到所属簇中心的距离平方和”，簇的编号是任意的。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 两团高斯点，各 100 个；y 是标签
centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0]])
y = torch.arange(200) % 2
X = centers[y] + 0.8 * torch.randn(200, 2)

# 有监督：逻辑回归（两类 softmax），目标函数里有 y
model = nn.Linear(2, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
for _ in range(100):
    opt.zero_grad()
    F.cross_entropy(model(X), y).backward()
    opt.step()
with torch.no_grad():
    acc_supervised = (model(X).argmax(dim=1) == y).float().mean().item()

# 无监督：k-means（Lloyd 算法），目标函数里没有 y
mu = X[torch.randperm(200)[:2]].clone()  # 随机挑两个点作为初始中心
inertia = []  # 每轮的目标函数值：点到最近中心的距离平方和
for _ in range(10):
    dist2 = torch.cdist(X, mu) ** 2
    assign = dist2.argmin(dim=1)  # 分配：每个点归最近的中心
    inertia.append(dist2.min(dim=1).values.sum().item())
    mu = torch.stack([X[assign == k].mean(dim=0) for k in range(2)])  # 更新：中心取簇内均值

# 簇编号 0/1 是任意的：与标签比较时取两种对应方式中较好的那种
match = (assign == y).float().mean().item()
acc_kmeans = max(match, 1 - match)
print(f"有监督准确率 {acc_supervised:.3f}，k-means 与标签的一致率 {acc_kmeans:.3f}")
# > 有监督准确率 1.000，k-means 与标签的一致率 1.000

# 检查：k-means 每一轮都不会让目标函数变大（分配、更新两步都只会让它下降或不变）
assert all(a >= b - 1e-9 for a, b in itertools.pairwise(inertia))
# 检查：两团分得开时，不看标签也能找到与类别几乎一致的簇
assert acc_supervised > 0.95 and acc_kmeans > 0.95
# 检查：距离用 torch.cdist 计算，与按定义展开的结果一致
torch.testing.assert_close(torch.cdist(X, mu) ** 2, ((X[:, None, :] - mu[None]) ** 2).sum(-1))
