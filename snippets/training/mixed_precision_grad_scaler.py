"""动态损失缩放：torch.amp.GradScaler 在 CPU 上也能用。梯度出现 inf 就跳过这一步并把 S 减半，
连续 growth_interval 步正常就把 S 翻倍。手写的同一套逻辑得到完全相同的 S 和参数。"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X, y = torch.randn(32, 4), torch.randn(32, 1)
model = nn.Linear(4, 1)
twin = copy.deepcopy(model)  # 同样的初始参数，交给手写版本
bad_steps = {2}  # 第 2 步人为把一个梯度改成 inf，模拟 fp16 梯度上溢


class DynamicLossScaler:
    """手写的动态损失缩放，默认值与 GradScaler 相同（这里 growth_interval 改小）。"""

    def __init__(self, scale: float = 2.0**16, growth_interval: int = 2000) -> None:
        self.scale, self.growth_interval, self.good_steps = scale, growth_interval, 0

    def update(self, found_inf: bool) -> None:
        if found_inf:
            self.scale *= 0.5  # backoff_factor
            self.good_steps = 0
        else:
            self.good_steps += 1
            if self.good_steps == self.growth_interval:
                self.scale *= 2.0  # growth_factor
                self.good_steps = 0


# PyTorch：scale → backward → unscale_ →（可在这里裁剪梯度）→ step → update
scaler = torch.amp.GradScaler("cpu", init_scale=2.0**10, growth_interval=2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
scales, skipped, unscaled_ok = [], [], []
for step in range(6):
    opt.zero_grad()
    loss = F.mse_loss(model(X), y)
    scaler.scale(loss).backward()  # 反向传播的是 S·loss
    if step in bad_steps:
        model.weight.grad[0, 0] = float("inf")
    (true_grad,) = torch.autograd.grad(F.mse_loss(model(X), y), model.bias)
    scaler.unscale_(opt)  # 梯度除以 S，同时检查 inf/nan
    unscaled_ok.append(step in bad_steps or torch.allclose(model.bias.grad, true_grad))
    w_before = model.weight.detach().clone()
    scaler.step(opt)  # 发现 inf/nan 就不调用 opt.step()
    skipped.append(torch.equal(w_before, model.weight.detach()))
    scaler.update()
    scales.append(scaler.get_scale())
print(scales)
# > [1024.0, 2048.0, 1024.0, 1024.0, 2048.0, 2048.0]
print(skipped)
# > [False, False, True, False, False, False]

# 手写：同样的 6 步
mine = DynamicLossScaler(scale=2.0**10, growth_interval=2)
my_scales = []
for step in range(6):
    twin.zero_grad()
    (mine.scale * F.mse_loss(twin(X), y)).backward()
    if step in bad_steps:
        twin.weight.grad[0, 0] = float("inf")
    grads = [p.grad / mine.scale for p in twin.parameters()]  # 在 fp32 里除以 S
    found_inf = not all(torch.isfinite(g).all() for g in grads)
    if not found_inf:  # 有 inf/nan 就跳过这一步，参数不动
        with torch.no_grad():
            for p, g in zip(twin.parameters(), grads, strict=True):
                p -= 0.1 * g
    mine.update(found_inf)
    my_scales.append(mine.scale)

# 检查：默认值：S 从 2^16 开始，减半（0.5）、翻倍（2.0），每 2000 步正常才翻倍
default = torch.amp.GradScaler("cpu")
assert default.get_scale() == 2.0**16 and default.get_growth_interval() == 2000
assert default.get_backoff_factor() == 0.5 and default.get_growth_factor() == 2.0
# 检查：S 的变化序列相同：正常 2 步后翻倍，遇到 inf 减半
assert scales == my_scales == [1024.0, 2048.0, 1024.0, 1024.0, 2048.0, 2048.0]
# 检查：只有出现 inf 的那一步被跳过；unscale_ 之后的梯度就是真实梯度
assert skipped == [False, False, True, False, False, False]
assert all(unscaled_ok)
# 检查：两种实现训练出的参数一致
for p, q in zip(model.parameters(), twin.parameters(), strict=True):
    torch.testing.assert_close(p, q)
