"""不衰减学习率、改为增大批量（Smith 等 2018）：η 除以 5 与 B 乘以 5 效果相当，更新次数少 5 倍。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, d, R = 8192, 10, 100  # 训练集大小、特征数、独立重复的次数
X = torch.randn(N, d, dtype=torch.float64) * torch.linspace(0.6, 1.5, d, dtype=torch.float64)
y = X @ torch.randn(d, dtype=torch.float64) + torch.randn(N, dtype=torch.float64)
w_star = torch.linalg.lstsq(X, y[:, None]).solution.squeeze(1)  # 最小二乘解


def excess_loss(W: torch.Tensor) -> torch.Tensor:
    """每次重复的训练损失减去最优损失。"""
    return ((X @ W.T - y[:, None]) ** 2).mean(dim=0) - ((X @ w_star - y) ** 2).mean()


def sgd(W: torch.Tensor, lr: float, B: int, steps: int) -> torch.Tensor:
    """R 次重复一起跑（W 的每一行是一次重复）：每步各自随机抽 B 个样本，走一步 SGD。"""
    for _ in range(steps):
        idx = torch.randint(0, N, (R * B,))
        xb, yb = X.index_select(0, idx).view(R, B, d), y.index_select(0, idx).view(R, B)
        r = (xb * W[:, None, :]).sum(dim=-1) - yb  # 残差 xᵀw - y
        W = W - lr * 2 * (r[:, :, None] * xb).mean(dim=1)  # MSE 的梯度 2·mean(r·x)
    return W


# 第一阶段：η=0.05、B=8 训练 150 步，损失已经降到由梯度噪声决定的水平，不再下降
W1 = sgd(torch.zeros(R, d, dtype=torch.float64), lr=0.05, B=8, steps=150)
# 第二阶段：两种做法看的样本数相同（4000 个）
runs = {
    "第一阶段结束 η=0.05, B=8": W1,
    "衰减学习率 η=0.01, B=8, 500 步": sgd(W1, 0.01, 8, 500),
    "增大批量 η=0.05, B=40, 100 步": sgd(W1, 0.05, 40, 100),
}
excess = {name: excess_loss(W).mean().item() for name, W in runs.items()}
for name, e in excess.items():
    print(f"{name}：超额损失 {e:.4f}")
# > 第一阶段结束 η=0.05, B=8：超额损失 0.0853
# > 衰减学习率 η=0.01, B=8, 500 步：超额损失 0.0160
# > 增大批量 η=0.05, B=40, 100 步：超额损失 0.0155

# 检查 1：手写的更新与 torch.optim.SGD 的一步一致（取第 0 次重复、固定一个 batch）
w = W1[0].clone().requires_grad_()
opt = torch.optim.SGD([w], lr=0.05)
F.mse_loss(X[:8] @ w, y[:8]).backward()
opt.step()
r = X[:8] @ W1[0] - y[:8]
torch.testing.assert_close(w.detach(), W1[0] - 0.05 * 2 * (r[:, None] * X[:8]).mean(dim=0))
# 检查 2：学习率除以 5 与批量乘以 5 效果相当（相差不到 20%），超额损失都降到原来的 1/3 以下
e_before, e_decay, e_batch = excess.values()
assert abs(e_decay - e_batch) < 0.2 * e_decay
assert max(e_decay, e_batch) < e_before / 3
