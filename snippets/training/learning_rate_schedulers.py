"""常见的学习率衰减：阶梯、多阶梯、指数、余弦退火。手写公式与 torch.optim.lr_scheduler 逐步一致。"""

import math
import warnings

import torch
from torch.optim import lr_scheduler

lr0, n_steps = 0.1, 31  # 初始学习率 η_0、模拟的 epoch 数


def record(make_sched) -> list[float]:
    """建一个只有一个参数的 SGD，每个 epoch 记下学习率，再 optimizer.step()、scheduler.step()。"""
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched = make_sched(opt)
    lrs = []
    for _ in range(n_steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()  # 真实训练里这里是一整个 epoch 的更新
        sched.step()
    return lrs


t = range(n_steps)
# 阶梯衰减：每 s 个 epoch 乘一次 γ
s, gamma = 10, 0.1
step_hand = [lr0 * gamma ** (i // s) for i in t]
# 多阶梯衰减：每到一个里程碑乘一次 γ
milestones = [15, 25]
multi_hand = [lr0 * gamma ** sum(i >= m for m in milestones) for i in t]
# 指数衰减：每个 epoch 乘 γ
g_exp = 0.9
exp_hand = [lr0 * g_exp**i for i in t]
# 余弦退火：η_t = η_min + ½(η_max - η_min)(1 + cos(π t / T))
T, lr_min = 30, 1e-4
cos_hand = [lr_min + 0.5 * (lr0 - lr_min) * (1 + math.cos(math.pi * i / T)) for i in t]

cases = {
    "StepLR": (step_hand, lambda o: lr_scheduler.StepLR(o, step_size=s, gamma=gamma)),
    "MultiStepLR": (multi_hand, lambda o: lr_scheduler.MultiStepLR(o, milestones, gamma=gamma)),
    "ExponentialLR": (exp_hand, lambda o: lr_scheduler.ExponentialLR(o, gamma=g_exp)),
    "CosineAnnealingLR": (
        cos_hand,
        lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=T, eta_min=lr_min),
    ),
}
torch_lrs = {name: record(make) for name, (_, make) in cases.items()}
for name, lrs in torch_lrs.items():
    print(f"{name:17s} t=0,10,15,20,30: " + " ".join(f"{lrs[i]:.6f}" for i in (0, 10, 15, 20, 30)))
# > StepLR            t=0,10,15,20,30: 0.100000 0.010000 0.010000 0.001000 0.000100
# > MultiStepLR       t=0,10,15,20,30: 0.100000 0.100000 0.010000 0.010000 0.001000
# > ExponentialLR     t=0,10,15,20,30: 0.100000 0.034868 0.020589 0.012158 0.004239
# > CosineAnnealingLR t=0,10,15,20,30: 0.100000 0.075025 0.050050 0.025075 0.000100

# 顺序写反（先 scheduler.step() 再 optimizer.step()）：调度的第一个值被跳过
opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
sched = lr_scheduler.ExponentialLR(opt, gamma=g_exp)
wrong = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # 记下 PyTorch 对这种顺序给出的警告
    for _ in range(n_steps):
        sched.step()
        wrong.append(opt.param_groups[0]["lr"])  # 这个 epoch 实际使用的学习率
        opt.step()

# 检查 1：每一步都与 PyTorch 的调度器一致
for name, (hand, _) in cases.items():
    torch.testing.assert_close(torch_lrs[name], hand, rtol=1e-9, atol=1e-12)

# 检查 2：余弦退火从 η_max 开始，在 T/2 处正好是两者的中点，在 T 处降到 η_min
assert math.isclose(cos_hand[0], lr0)
assert math.isclose(cos_hand[15], (lr0 + lr_min) / 2)
assert math.isclose(cos_hand[30], lr_min)
# 检查 3：顺序反了，第 t 个 epoch 用的是本该在第 t + 1 个 epoch 用的学习率，PyTorch 也发出了警告
torch.testing.assert_close(wrong, [lr0 * g_exp ** (i + 1) for i in t])
assert any("before `optimizer.step()`" in str(w.message) for w in caught)
