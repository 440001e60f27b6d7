"""M 个模型的误差方差都是 σ²、两两相关系数都是 ρ，取平均后误差方差 = ρσ² + (1 - ρ)σ²/M。"""

import torch

torch.manual_seed(0)
sigma2 = 1.0  # 单个模型误差的方差 σ²


def avg_var(rho: float, M: int) -> float:
    """公式：ρσ² + (1 - ρ)σ²/M。"""
    return rho * sigma2 + (1 - rho) * sigma2 / M


def error_cov(rho: float, M: int) -> torch.Tensor:
    """误差的协方差矩阵：对角线 σ²，其余 ρσ²。"""
    return sigma2 * ((1 - rho) * torch.eye(M, dtype=torch.float64) + rho)


for rho in (0.0, 0.5, 0.9):
    print(f"ρ={rho}: " + " ".join(f"M={M}:{avg_var(rho, M):.4f}" for M in (1, 5, 25, 1000)))
# > ρ=0.0: M=1:1.0000 M=5:0.2000 M=25:0.0400 M=1000:0.0010
# > ρ=0.5: M=1:1.0000 M=5:0.6000 M=25:0.5200 M=1000:0.5005
# > ρ=0.9: M=1:1.0000 M=5:0.9200 M=25:0.9040 M=1000:0.9001

# 检查 1（精确）：平均 = aᵀe，a = (1/M, …, 1/M)，方差 = aᵀΣa，与公式一致
for rho in (0.0, 0.3, 0.9):
    for M in (1, 2, 5, 25):
        a = torch.full((M,), 1 / M, dtype=torch.float64)
        torch.testing.assert_close((a @ error_cov(rho, M) @ a).item(), avg_var(rho, M))

# 检查 2（模拟）：误差 = 所有模型共有的部分 √ρ·z₀ + 各自独有的部分 √(1-ρ)·z_m，
# 抽 10 万组，样本协方差接近 Σ，平均后的样本方差与公式相差不到 2%
M, n = 5, 100_000
for rho in (0.0, 0.5, 0.9):
    z0 = torch.randn(n, 1, dtype=torch.float64)  # 共有误差（例如数据里所有模型都学不到的部分）
    z = torch.randn(n, M, dtype=torch.float64)  # 各模型独有的误差
    e = sigma2**0.5 * (rho**0.5 * z0 + (1 - rho) ** 0.5 * z)  # 每行是 M 个模型在同一样本上的误差
    assert (torch.cov(e.T) - error_cov(rho, M)).abs().max() < 0.02
    assert abs(e.mean(dim=1).var().item() / avg_var(rho, M) - 1) < 0.02


# 检查 3（协方差矩阵直接算，不用公式）：M 越大方差越小，但始终高于 ρσ²，M = 1000 时只比它多 0.0005；
# 同样 10 个模型，相关系数越小，平均后的方差越小
def quad(rho: float, M: int) -> float:
    a = torch.full((M,), 1 / M, dtype=torch.float64)
    return (a @ error_cov(rho, M) @ a).item()


v = [quad(0.5, M) for M in (10, 100, 1000)]
assert v[0] > v[1] > v[2] > 0.5 * sigma2 and v[2] - 0.5 * sigma2 < 0.0006
assert quad(0.2, 10) < quad(0.5, 10) < quad(0.9, 10) < sigma2
