"""一维二次函数 f(x) = a/2·x² 上的梯度下降：η < 2/a 收敛，1/a < η < 2/a 振荡，η > 2/a 发散。"""

import torch

a, x0, steps = 4.0, 1.0, 20  # 曲率 a = 4：1/a = 0.25，2/a = 0.5


def run_sgd(lr: float) -> torch.Tensor:
    """用 torch.optim.SGD 最小化 f(x) = a/2·x²，返回 x_0, x_1, …, x_steps。"""
    x = torch.tensor([x0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([x], lr=lr)
    xs = [x.item()]
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * a * x**2).sum().backward()
        opt.step()
        xs.append(x.item())
    return torch.tensor(xs, dtype=torch.float64)


lrs = [0.1, 0.25, 0.4, 0.5, 0.6]
traj = {lr: run_sgd(lr) for lr in lrs}
for lr in lrs:
    xs = " ".join(f"{v:+.3f}" for v in traj[lr][1:5].tolist())
    print(f"lr={lr}: 1-lr*a={1 - lr * a:+.1f}, x_1..x_4 = {xs}, |x_20|={traj[lr][-1].abs():.1e}")
# > lr=0.1: 1-lr*a=+0.6, x_1..x_4 = +0.600 +0.360 +0.216 +0.130, |x_20|=3.7e-05
# > lr=0.25: 1-lr*a=+0.0, x_1..x_4 = +0.000 +0.000 +0.000 +0.000, |x_20|=0.0e+00
# > lr=0.4: 1-lr*a=-0.6, x_1..x_4 = -0.600 +0.360 -0.216 +0.130, |x_20|=3.7e-05
# > lr=0.5: 1-lr*a=-1.0, x_1..x_4 = -1.000 +1.000 -1.000 +1.000, |x_20|=1.0e+00
# > lr=0.6: 1-lr*a=-1.4, x_1..x_4 = -1.400 +1.960 -2.744 +3.842, |x_20|=8.4e+02

# 检查 1：SGD 的轨迹就是 x_t = (1 - ηa)^t · x_0
t = torch.arange(steps + 1, dtype=torch.float64)
for lr in lrs:
    torch.testing.assert_close(traj[lr], (1 - lr * a) ** t * x0)

# 检查 2：0 < η < 1/a，单调收敛（一直在同一侧，越来越近）
x = traj[0.1]
assert (x > 0).all() and (x.diff() < 0).all() and x[-1] < 1e-4
# η = 1/a，一步到达最小值
assert (traj[0.25][1:] == 0).all()
# 1/a < η < 2/a，符号交替（越过最小值来回振荡），但幅度在缩小，仍然收敛
x = traj[0.4]
assert (x[1:] * x[:-1] < 0).all() and (x.abs().diff() < 0).all() and x[-1].abs() < 1e-4
# η = 2/a，幅度不变，永远在 ±x_0 之间跳
assert (traj[0.5].abs() == x0).all()
# η > 2/a，幅度按 |1 - ηa| > 1 指数增长，发散
x = traj[0.6]
assert (x.abs().diff() > 0).all() and x[-1].abs() > 100
