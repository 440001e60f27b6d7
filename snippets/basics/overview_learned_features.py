"""同心圆数据：线性模型分不开；手工加一个特征 x1² + x2² 就能分开（传统机器学习）；
小型 MLP 直接吃原始坐标，自己学出能线性分开的特征（深度学习）。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


def circles(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """内圈（半径 0~1）为类 0，外圈（半径 1.5~2.5）为类 1。"""
    y = torch.randint(0, 2, (n,))
    r = torch.rand(n) + 1.5 * y  # 内圈 [0, 1)，外圈 [1.5, 2.5)
    theta = 2 * math.pi * torch.rand(n)
    X = torch.stack([r * torch.cos(theta), r * torch.sin(theta)], dim=1)
    return X, y.float()


X_train, y_train = circles(200)
X_test, y_test = circles(1000)


def fit(model: nn.Module, X: torch.Tensor, y: torch.Tensor, steps: int = 150) -> nn.Module:
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(steps):
        opt.zero_grad()
        F.binary_cross_entropy_with_logits(model(X).squeeze(1), y).backward()
        opt.step()
    return model


@torch.no_grad()
def accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    return ((model(X).squeeze(1) > 0).float() == y).float().mean().item()


def radius_feature(X: torch.Tensor) -> torch.Tensor:
    """人工设计的特征：到原点距离的平方。"""
    return (X**2).sum(dim=1, keepdim=True)


# 1) 线性模型（逻辑回归）直接用原始坐标 (x1, x2)
linear = fit(nn.Linear(2, 1), X_train, y_train)
# 2) 同一个线性模型，输入换成人工特征 x1² + x2²
engineered = fit(nn.Linear(1, 1), radius_feature(X_train), y_train)
# 3) MLP：隐藏层自己学特征，最后一层仍是一个线性分类器
mlp = fit(nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1)), X_train, y_train)

acc_linear = accuracy(linear, X_test, y_test)
acc_engineered = accuracy(engineered, radius_feature(X_test), y_test)
acc_mlp = accuracy(mlp, X_test, y_test)
print(f"线性模型 + 原始坐标：{acc_linear:.3f}")
print(f"线性模型 + 人工特征：{acc_engineered:.3f}")
print(f"MLP + 原始坐标：{acc_mlp:.3f}")
# > 线性模型 + 原始坐标：0.537
# > 线性模型 + 人工特征：1.000
# > MLP + 原始坐标：1.000

# MLP 的隐藏层输出 h 就是学到的特征：在 h 上重新训练一个逻辑回归，也能分开
with torch.no_grad():
    H_train, H_test = mlp[:2](X_train), mlp[:2](X_test)
probe = fit(nn.Linear(16, 1), H_train, y_train)
acc_probe = accuracy(probe, H_test, y_test)
print(f"线性模型 + MLP 学到的特征：{acc_probe:.3f}")
# > 线性模型 + MLP 学到的特征：1.000

# 对照一：只猜测试集里较多的那一类，能对多少
majority = max(y_test.mean().item(), 1 - y_test.mean().item())
# 对照二：穷举所有直线（3600 个法向、每个法向上的所有阈值），在测试集上最好能对多少
angles = torch.arange(3600) * (2 * math.pi / 3600)
scores = X_test @ torch.stack([angles.cos(), angles.sin()])  # (1000, 3600)：每列是一个法向上的投影
y_sorted = y_test[scores.argsort(dim=0)]  # 每列按投影从小到大排好的标签
# 阈值放在第 k 个点之后：前 k 个判为类 0、其余判为类 1，对的个数 = 前面的 0 + 后面的 1
correct = torch.cumsum(1 - y_sorted, dim=0) + (y_sorted.sum(dim=0) - torch.cumsum(y_sorted, dim=0))
best_line = correct.max().item() / len(y_test)
print(f"只猜多数类：{majority:.3f}，所有直线中最好的：{best_line:.3f}")
# > 只猜多数类：0.506，所有直线中最好的：0.690

# 检查：逻辑回归与只猜多数类相差不到 5 个百分点；任何直线都分不开同心圆（最好的也不到 0.75）
assert abs(acc_linear - majority) < 0.05
assert acc_linear <= best_line + 1e-9 and best_line < 0.75
# 检查：人工特征、学到的特征都让它变得线性可分
assert acc_engineered > 0.98
assert acc_mlp > 0.95
assert acc_probe > 0.95
