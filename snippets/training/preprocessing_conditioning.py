"""特征量纲差别大时，线性回归的 XᵀX 病态，梯度下降很慢；标准化后条件数接近 1，
同样的步数就能收敛。两者的最优解是同一个模型，只是参数化不同。"""

import torch

torch.manual_seed(0)

N = 200
x1 = torch.randn(N, dtype=torch.float64)  # 量纲约为 1
x2 = 1000 + 300 * torch.randn(N, dtype=torch.float64)  # 量纲约为 1000，例如面积
X = torch.stack([x1, x2], dim=1)
y = 3 * x1 + 0.01 * x2 + 5 + 0.1 * torch.randn(N, dtype=torch.float64)

mu, sigma = X.mean(dim=0), X.std(dim=0, correction=0)
Z = (X - mu) / sigma  # 标准化后的特征


def with_bias(features: torch.Tensor) -> torch.Tensor:
    return torch.cat([features, torch.ones(N, 1, dtype=torch.float64)], dim=1)  # 加一列 1 作偏置


def condition_number(A: torch.Tensor) -> float:
    eig = torch.linalg.eigvalsh(A.T @ A / N)  # 损失 Hessian 的 1/2
    return (eig.max() / eig.min()).item()


def gradient_descent(A: torch.Tensor, steps: int = 100) -> float:
    """全量梯度下降，步长取 1/L（L = 2 λ_max 是均方误差梯度的 Lipschitz 常数，保证不发散）。"""
    lr = 1 / (2 * torch.linalg.eigvalsh(A.T @ A / N).max().item())
    w = torch.zeros(A.shape[1], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    for _ in range(steps):
        loss = ((A @ w - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return ((A @ w - y) ** 2).mean().item()


def best_loss(A: torch.Tensor) -> tuple[float, torch.Tensor]:
    w = torch.linalg.lstsq(A, y[:, None]).solution[:, 0]  # 最小二乘的精确解
    return ((A @ w - y) ** 2).mean().item(), w


A_raw, A_std = with_bias(X), with_bias(Z)
loss_raw, loss_std = gradient_descent(A_raw), gradient_descent(A_std)
best_raw, w_raw = best_loss(A_raw)
best_std, w_std = best_loss(A_std)
print(f"{condition_number(A_raw):.1e} {condition_number(A_std):.2f}")
# > 1.2e+07 1.05
print(f"{loss_raw:.4f} {loss_std:.4f} {best_raw:.4f}")
# > 10.9991 0.0106 0.0106

# 标准化特征上的参数可以换回原始量纲：w = w_z / σ，b = b_z - Σ w_z μ / σ
w_back = w_std[:2] / sigma
b_back = w_std[2] - (w_std[:2] * mu / sigma).sum()

# 检查：原始特征的条件数上千万，标准化后接近 1
assert condition_number(A_raw) > 1e7 and condition_number(A_std) < 2
# 检查：一般地，λ_max 不小于量纲约 1000 的特征的均方（约 10^6），λ_min 不大于量纲约 1 的特征的均方，
# 所以 κ 至少上百万（Rayleigh 商：取坐标方向 e_j 时 e_jᵀ(AᵀA/N)e_j 就是第 j 列的均方）
eig_raw = torch.linalg.eigvalsh(A_raw.T @ A_raw / N)
assert eig_raw.max() >= (x2**2).mean() > 1e6 and eig_raw.min() <= (x1**2).mean() < 2
# 检查：两种特征能达到的最优损失相同（标准化只是换了参数化）
assert abs(best_raw - best_std) < 1e-9
# 检查：同样 100 步，标准化后已到最优，原始特征的损失还是最优值的上千倍
assert abs(loss_std - best_std) < 1e-8
assert loss_raw > 1000 * best_raw
# 检查：换回原始量纲的参数就是原始特征上的最小二乘解
torch.testing.assert_close(torch.cat([w_back, b_back[None]]), w_raw)
