"""容量够、却因为优化没做好而“欠拟合”：同一个 5 次多项式模型，学习率过大（发散）、过小或步数太少时
训练误差都很高；最小二乘的最优解说明模型本身表达得了，问题出在训练上。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, n, degree = 0.3, 200, 5
x = torch.linspace(-1, 1, n)
y = torch.sin(3 * x + 0.5) + sigma * torch.randn(n)
Phi = torch.special.legendre_polynomial_p(x.unsqueeze(-1), torch.arange(degree + 1))  # (n, 6)

# 参照：这个模型能达到的最低训练误差（最小二乘闭式解）
best_loss = F.mse_loss(Phi @ torch.linalg.lstsq(Phi, y).solution, y).item()
# MSE 损失的海森矩阵 H = 2ΦᵀΦ/n，梯度下降稳定的条件是 lr < 2/λ_max(H)
lam_max = torch.linalg.eigvalsh(2 * Phi.T @ Phi / n).max().item()


def train(lr: float, steps: int) -> float:
    """全量梯度下降（torch.optim.SGD）训练线性模型 Φw，返回最后的训练 MSE。"""
    model = nn.Linear(degree + 1, 1, bias=False)
    nn.init.zeros_(model.weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        F.mse_loss(model(Phi).squeeze(-1), y).backward()
        optimizer.step()
    return F.mse_loss(model(Phi).squeeze(-1), y).item()


init_loss = y.pow(2).mean().item()  # w = 0 时的损失
results = {
    "合适：lr = 1/λ_max，200 步": train(1 / lam_max, 200),
    "步数太少：lr = 1/λ_max，2 步": train(1 / lam_max, 2),
    "学习率太小：lr = 0.001/λ_max，500 步": train(0.001 / lam_max, 500),
    "学习率太大：lr = 2.2/λ_max，50 步": train(2.2 / lam_max, 50),
}
print(f"最优训练误差 {best_loss:.4f}，初始 {init_loss:.4f}")
for name, loss in results.items():
    print(f"{name}：训练误差 {loss:.4g}")
# > 最优训练误差 0.0827，初始 0.5844
# > 合适：lr = 1/λ_max，200 步：训练误差 0.08267
# > 步数太少：lr = 1/λ_max，2 步：训练误差 0.2409
# > 学习率太小：lr = 0.001/λ_max，500 步：训练误差 0.4687
# > 学习率太大：lr = 2.2/λ_max，50 步：训练误差 9231

good, few, small, big = results.values()
# 检查 1：学习率合适时，梯度下降收敛到最小二乘的最优值（1% 以内），接近噪声方差 σ²
assert good < 1.01 * best_loss and abs(best_loss - sigma**2) < 0.02
# 检查 2：步数太少、学习率太小：训练误差仍是最优值的好几倍（表现为欠拟合，其实是没训练完）
assert few > 2 * best_loss and small > 2 * best_loss
# 检查 3：学习率超过 2/λ_max：损失不降反升，比什么都不学（w = 0）还差
assert big > 100 * init_loss
