"""参数组（parameter groups）：预训练层用小学习率、新的头用大学习率。
对不带动量的 SGD，每组的更新量恰好是 -lr_组 × grad。
ULMFiT 的分层学习率每往下一层除以 2.6；预热调度器按同一比例缩放各组。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：下面从更新量反推学习率时不受舍入误差干扰
# 下标 0–5 是预训练主干（三个 Linear + ReLU），下标 6 是新的头
model = nn.Sequential(
    nn.Linear(6, 8),
    nn.ReLU(),
    nn.Linear(8, 8),
    nn.ReLU(),
    nn.Linear(8, 8),
    nn.ReLU(),
    nn.Linear(8, 3),
)
X, y = torch.randn(10, 6), torch.randint(0, 3, (10,))


def sgd_step(opt: torch.optim.Optimizer) -> tuple[dict, dict, dict]:
    """走一步，返回这一步之前的参数、梯度和之后的参数。"""
    opt.zero_grad()
    F.cross_entropy(model(X), y).backward()
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    grads = {n: p.grad.clone() for n, p in model.named_parameters()}
    opt.step()
    return before, grads, {n: p.detach().clone() for n, p in model.named_parameters()}


# 1) 两组：主干 1e-3，头 1e-2
backbone_params = [p for n, p in model.named_parameters() if not n.startswith("6.")]
opt = torch.optim.SGD(
    [{"params": backbone_params, "lr": 1e-3}, {"params": model[6].parameters()}],
    lr=1e-2,  # 没写 lr 的组（这里是头）用构造函数里的默认值
)
print([group["lr"] for group in opt.param_groups])
# > [0.001, 0.01]
before_1, grads_1, after_1 = sgd_step(opt)
lr_of = {n: 1e-2 if n.startswith("6.") else 1e-3 for n in before_1}

# 2) ULMFiT 的分层学习率：最上层 eta_L，往下每层除以 2.6
eta_top, layer_ids = 1e-2, [0, 2, 4, 6]  # 四个 Linear 在 model 里的下标
lrs = [eta_top / 2.6 ** (len(layer_ids) - 1 - k) for k in range(len(layer_ids))]
opt = torch.optim.SGD(
    [{"params": model[i].parameters(), "lr": lr} for i, lr in zip(layer_ids, lrs, strict=True)]
)
print([f"{lr:.2e}" for lr in lrs])
# > ['5.69e-04', '1.48e-03', '3.85e-03', '1.00e-02']
before_2, grads_2, after_2 = sgd_step(opt)

# 3) 预热调度器（LambdaLR）给每组乘同一个系数：各组学习率之比不变
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: min(1.0, (step + 1) / 5))
opt.zero_grad()  # 梯度清成 None：下面的 opt.step() 不改参数，只为推进调度器
for _ in range(2):
    opt.step()
    sched.step()
warm_lrs = [group["lr"] for group in opt.param_groups]

# 检查：两组时，每个参数的更新量 = -所在组的学习率 × 梯度
for n in before_1:
    torch.testing.assert_close(after_1[n], before_1[n] - lr_of[n] * grads_1[n])
# 检查：分层学习率时，每一层的更新量 = -该层学习率 × 梯度
for i, lr in zip(layer_ids, lrs, strict=True):
    for n in [f"{i}.weight", f"{i}.bias"]:
        torch.testing.assert_close(after_2[n], before_2[n] - lr * grads_2[n])
# 检查：从实际的更新量反推每层用的学习率（最小二乘 -Δ·g / g·g，双精度下几乎没有舍入误差），
# 相邻层之比是 2.6：这一比例来自优化器真正的 step，而不是上面那行公式


def effective_lr(i: int) -> float:
    delta = after_2[f"{i}.weight"] - before_2[f"{i}.weight"]
    g = grads_2[f"{i}.weight"]
    return (-(delta * g).sum() / (g * g).sum()).item()


eff = [effective_lr(i) for i in layer_ids]
for lo, hi in itertools.pairwise(eff):
    assert abs(hi / lo - 2.6) < 1e-6
# 检查：预热 2 步后每组都是初值的 3/5（LambdaLR 算出来的），比例保持
torch.testing.assert_close(warm_lrs, [lr * 3 / 5 for lr in lrs])
