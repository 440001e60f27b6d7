"""多维二次函数：学习率的上限 2/a_max 由最陡的方向决定，平坦方向因此收敛很慢（条件数的代价）。"""

import torch

a = torch.tensor([1.0, 100.0], dtype=torch.float64)  # 两个方向的曲率，条件数 κ = 100
kappa = (a.max() / a.min()).item()
w0 = torch.tensor([1.0, 1.0], dtype=torch.float64)


def run_sgd(lr: float, steps: int) -> torch.Tensor:
    """用 torch.optim.SGD 最小化 f(w) = ½·Σ a_i w_i²，返回最后的 w。"""
    w = w0.clone().requires_grad_()
    opt = torch.optim.SGD([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * a * w**2).sum().backward()
        opt.step()
    return w.detach()


# 每一步每个方向乘上 (1 - η a_i)；整体收敛速度由最慢的那个因子决定
def rate(lr: float) -> float:
    return (1 - lr * a).abs().max().item()


lr_star = 2 / (a.min() + a.max()).item()  # 让两个方向的因子绝对值相等的学习率
print(f"2/a_max={2 / a.max():.3f}, lr*={lr_star:.5f}, 最优收敛因子={rate(lr_star):.4f}")
# > 2/a_max=0.020, lr*=0.01980, 最优收敛因子=0.9802

w_ok = run_sgd(0.019, 100)  # 略低于 2/a_max：陡的方向振荡着收敛，平的方向每步只缩小 1.9%
w_bad = run_sgd(0.021, 100)  # 略高于 2/a_max：陡的方向发散
print(f"lr=0.019: w={[round(v, 4) for v in w_ok.tolist()]}")
print(f"lr=0.021: |w_2|={w_bad[1].abs():.1e}")
# > lr=0.019: w=[0.1469, 0.0]
# > lr=0.021: |w_2|=1.4e+04

# 检查 1：SGD 的结果就是 w_i · (1 - η a_i)^t
torch.testing.assert_close(w_ok, w0 * (1 - 0.019 * a) ** 100)
assert w_bad[1].abs() > 1e3 and w_bad[0].abs() < 1

# 检查 2：在一个细网格上扫学习率，最好的固定学习率就是 2/(a_min + a_max)，
# 此时收敛因子为 (κ-1)/(κ+1)：κ 越大，越接近 1，越慢
grid = torch.linspace(1e-4, 2 / a.max().item(), 20001, dtype=torch.float64)
rates = (1 - grid[:, None] * a).abs().max(dim=1).values  # 每个学习率的收敛因子
assert abs(grid[rates.argmin()].item() - lr_star) < 1e-6
assert abs(rate(lr_star) - (kappa - 1) / (kappa + 1)) < 1e-12
# 用这个学习率，两个方向以同样的因子收缩：|w_t| = ρ^t · |w_0|
torch.testing.assert_close(run_sgd(lr_star, 50).abs(), rate(lr_star) ** 50 * w0)
