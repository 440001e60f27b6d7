"""AdaGrad 累加全部历史梯度平方，有效学习率 lr/√(Σg²) 只减不增、趋于 0；RMSprop 用指数移动平均，
梯度大小不变时步长稳定在 lr 附近。累加的好处：很少出现的（稀疏）特征一出现就得到较大的步长。"""

import torch

torch.set_default_dtype(torch.float64)
lr, T = 0.1, 400


def step_sizes(opt_class, grads: torch.Tensor, **kwargs) -> torch.Tensor:
    """把第 t 行 grads 直接当作第 t 步的梯度交给 torch.optim，记录每一步每个坐标走了多远。"""
    theta = torch.zeros(grads.shape[1], requires_grad=True)
    opt = opt_class([theta], lr=lr, **kwargs)
    sizes = []
    for g in grads:
        before = theta.detach().clone()
        theta.grad = g.clone()
        opt.step()
        sizes.append((theta.detach() - before).abs())
    return torch.stack(sizes)


# 1) 梯度恒为 2：AdaGrad 第 t 步步长 = lr·2/√(t·4) = lr/√t，RMSprop = lr/√(1-α^t) → lr
const = torch.full((T, 1), 2.0)
ada = step_sizes(torch.optim.Adagrad, const)[:, 0]
rms = step_sizes(torch.optim.RMSprop, const, alpha=0.99)[:, 0]
for t in [1, 100, 400]:
    print(f"第 {t} 步：AdaGrad {ada[t - 1].item():.4f}，RMSprop {rms[t - 1].item():.4f}")
# > 第 1 步：AdaGrad 0.1000，RMSprop 1.0000
# > 第 100 步：AdaGrad 0.0100，RMSprop 0.1256
# > 第 400 步：AdaGrad 0.0050，RMSprop 0.1009

# 2) 稀疏特征：坐标 0 每步都有梯度 1，坐标 1 每 10 步才有一次梯度 1
sparse = torch.zeros(100, 2)
sparse[:, 0] = 1.0
sparse[9::10, 1] = 1.0
last = step_sizes(torch.optim.Adagrad, sparse)[-1]  # 第 100 步，两个坐标的梯度都是 1
print(f"第 100 步：常见特征 {last[0].item():.4f}，稀疏特征 {last[1].item():.4f}")
# > 第 100 步：常见特征 0.0100，稀疏特征 0.0316

t = torch.arange(1, T + 1)
# 检查：AdaGrad 的步长恰为 lr/√t，严格单调下降（趋于 0）
torch.testing.assert_close(ada, lr / t.sqrt())
assert (ada[1:] < ada[:-1]).all()
# 检查：RMSprop 的步长为 lr/√(1-α^t)（开头偏大，因为没有偏差修正），之后稳定在 lr 附近
torch.testing.assert_close(rms, lr / (1 - 0.99**t).sqrt())
assert abs(rms[-1].item() - lr) < 0.01
# 检查：梯度相同时，AdaGrad 给只出现过 10 次的特征 lr/√10 的步长，给出现 100 次的特征 lr/√100
torch.testing.assert_close(last, torch.tensor([lr / 100**0.5, lr / 10**0.5]))
