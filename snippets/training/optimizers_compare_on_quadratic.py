"""病态二次函数 f(x, y) = ½(x² + 50y²)（条件数 50）：梯度下降在陡的 y 方向来回跳（Z 字形），
在平的 x 方向爬得很慢；动量和 Adam 在各自调好的学习率下都快得多。"""

import torch

torch.set_default_dtype(torch.float64)
A = torch.diag(torch.tensor([1.0, 50.0]))  # 海森矩阵：x 方向曲率 1，y 方向曲率 50
p0 = torch.tensor([-10.0, 1.0])


def f(p: torch.Tensor) -> float:
    return (0.5 * p @ A @ p).item()


def run(opt_class, lr: float, steps: int = 100, **kwargs) -> torch.Tensor:
    """用 torch.optim 跑 steps 步，返回整条轨迹（梯度 ∇f = A p 直接写入 .grad）。"""
    p = p0.clone().requires_grad_()
    opt = opt_class([p], lr=lr, **kwargs)
    traj = [p0]
    for _ in range(steps):
        p.grad = A @ p.detach()
        opt.step()
        traj.append(p.detach().clone())
    return torch.stack(traj)


# 1) 梯度下降，lr = 0.035（稳定的上限是 2/50 = 0.04）
gd = run(torch.optim.SGD, lr=0.035, steps=20)
print([round(v, 4) for v in gd[:6, 1].tolist()])  # y 坐标：每步变号
# > [1.0, -0.75, 0.5625, -0.4219, 0.3164, -0.2373]
diverged = run(torch.optim.SGD, lr=0.041, steps=20)  # 超过 2/50，y 方向发散

# 2) 公平比较：每个优化器在同一组学习率里各取最好的一个，都跑 100 步
lrs = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0]
optimizers = {
    "SGD": (torch.optim.SGD, {}),
    "动量 0.9": (torch.optim.SGD, {"momentum": 0.9}),
    "Adam": (torch.optim.Adam, {}),
}
final = {name: [f(run(cls, lr, **kw)[-1]) for lr in lrs] for name, (cls, kw) in optimizers.items()}
best = {}
for name, losses in final.items():
    losses = [v if v == v else float("inf") for v in losses]  # 发散成 nan 的当作无穷大
    best[name] = min(losses)
    print(f"{name}：最好的 lr = {lrs[losses.index(best[name])]}，100 步后 f = {best[name]:.1e}")
# > SGD：最好的 lr = 0.03，100 步后 f = 1.1e-01
# > 动量 0.9：最好的 lr = 0.03，100 步后 f = 3.4e-04
# > Adam：最好的 lr = 1.0，100 步后 f = 4.9e-04

t = torch.arange(21)
# 检查：梯度下降在每个坐标上是独立的几何级数 (1 - lr·h)^t：y 的系数 1 - 1.75 = -0.75 < 0，每步变号
torch.testing.assert_close(gd[:, 0], p0[0] * (1 - 0.035 * 1.0) ** t)
torch.testing.assert_close(gd[:, 1], p0[1] * (1 - 0.035 * 50.0) ** t)
assert (gd[1:, 1] * gd[:-1, 1] < 0).all()
# 检查：20 步后 y 只剩 0.75^20 ≈ 0.3%，x 还剩 0.965^20 ≈ 49%：慢在平坦方向
assert abs(gd[-1, 1]) < 0.004 * abs(p0[1]) and abs(gd[-1, 0]) > 0.45 * abs(p0[0])
# 检查：lr 超过 2/50 时 |1 - 50·lr| > 1，y 越跳越远
assert abs(diverged[-1, 1]) > 2 * abs(p0[1])
# 检查：同样 lr = 0.03，动量的损失比 SGD 低两个数量级以上；各自调好 lr 后，动量、Adam 都远好于 SGD
assert final["动量 0.9"][1] < final["SGD"][1] / 100
assert best["动量 0.9"] < best["SGD"] / 100 and best["Adam"] < best["SGD"] / 100
# 检查：自适应方法也要调学习率：Adam 用 lr = 0.01 时比它的最好结果差 4 个数量级以上
assert final["Adam"][0] > 1e4 * best["Adam"]
