"""先划分、再增强。如果先把数据扩增成多份再随机划分，同一张图的不同“版本”会同时出现在训练集和验证集里，
验证成绩严重虚高：标签完全随机（根本没有规律可学）时，最近邻分类器的验证准确率也接近 100%。"""

import torch

torch.manual_seed(0)
n, d, copies = 2000, 64, 5
X = torch.rand(n, d)  # 2000 张“图像”
y = torch.randint(0, 2, (n,))  # 随机标签：任何方法的真实准确率都只有 0.5


def augment(X: torch.Tensor) -> torch.Tensor:
    return X + 0.05 * torch.randn_like(X)  # 轻微的噪声增强


def nn1_accuracy(
    X_tr: torch.Tensor, y_tr: torch.Tensor, X_va: torch.Tensor, y_va: torch.Tensor
) -> float:
    """1-最近邻分类器的验证准确率。"""
    pred = y_tr[torch.cdist(X_va, X_tr).argmin(dim=1)]
    return (pred == y_va).double().mean().item()


# 错误：先增强（每张图扩成 5 份），再随机划分 80% / 20%
X_big = torch.cat([augment(X) for _ in range(copies)])
y_big = y.repeat(copies)
perm = torch.randperm(len(X_big))
cut = int(0.8 * len(X_big))
acc_leak = nn1_accuracy(X_big[perm[:cut]], y_big[perm[:cut]], X_big[perm[cut:]], y_big[perm[cut:]])

# 正确：先按原始样本划分，只增强训练集，验证集保持原样
perm = torch.randperm(n)
tr, va = perm[:1600], perm[1600:]  # 验证集 400 张原图
X_tr = torch.cat([augment(X[tr]) for _ in range(copies)])
acc_clean = nn1_accuracy(X_tr, y[tr].repeat(copies), X[va], y[va])
print(f"先增强再划分 {acc_leak:.4f}，先划分再增强 {acc_clean:.4f}")
# > 先增强再划分 0.9970，先划分再增强 0.5225

# 检查：泄漏时随机标签也能“学”到 0.95 以上；正确划分后只剩瞎猜的水平：
# 400 个验证样本上准确率的标准差是 0.025，0.5 ± 0.075 是 3 个标准差
assert acc_leak > 0.95
assert abs(acc_clean - 0.5) < 0.075
