# %% [markdown]
# # 图解：学习率调度
#
# 《[学习率与批大小](../learning-rate/)》一页写出了常见学习率调度（Learning Rate Schedule）的公式。这里把其中四种画在一起：阶梯衰减（`StepLR`）、指数衰减（`ExponentialLR`）、余弦退火（`CosineAnnealingLR`），以及现在训练 Transformer 常用的“线性预热（Warm-up）+ 余弦”（`SequentialLR` 串起 `LinearLR` 和 `CosineAnnealingLR`）。
#
# 设置：初始学习率 $\eta_0 = 0.1$，训练 100 个 epoch，每个 epoch 先 `optimizer.step()` 再 `scheduler.step()`（顺序反了 PyTorch 会警告，而且整个调度提前一步）。曲线上第 $t$ 个点是第 $t$ 个 epoch 实际使用的学习率，直接从 `optimizer.param_groups[0]["lr"]` 读出，不是自己算的。上图是线性坐标，下图是对数坐标：指数衰减在对数坐标上是一条直线，阶梯衰减是等高的台阶。
#
# 图下面的 `assert` 把每条曲线和它的闭式公式逐点对照，并检查图上能读出的几个性质。

# %%
import math

import matplotlib.pyplot as plt
import torch
from torch.optim import lr_scheduler

lr0, eta_min, epochs, warmup = 0.1, 0.001, 100, 10
schedulers = {
    "阶梯 StepLR": lambda opt: lr_scheduler.StepLR(opt, step_size=30, gamma=0.1),
    "指数 ExponentialLR": lambda opt: lr_scheduler.ExponentialLR(opt, gamma=0.96),
    "余弦 CosineAnnealingLR": lambda opt: lr_scheduler.CosineAnnealingLR(
        opt, T_max=epochs, eta_min=eta_min
    ),
    "预热 + 余弦": lambda opt: lr_scheduler.SequentialLR(
        opt,
        [
            lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=warmup),
            lr_scheduler.CosineAnnealingLR(opt, T_max=epochs - warmup, eta_min=eta_min),
        ],
        milestones=[warmup],
    ),
}

curves = {}
for name, make in schedulers.items():
    w = torch.nn.Parameter(torch.zeros(1))  # 假模型：只是让优化器有一个参数可管
    optimizer = torch.optim.SGD([w], lr=lr0)
    scheduler = make(optimizer)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])  # 这个 epoch 用的学习率
        assert scheduler.get_last_lr() == [lrs[-1]]
        optimizer.step()  # 真实训练里这里是一整个 epoch 的前向、反向和更新
        scheduler.step()
    curves[name] = torch.tensor(lrs, dtype=torch.float64)

fig, (ax_lin, ax_log) = plt.subplots(2, 1, figsize=(6.4, 7.2), sharex=True)
for name, curve in curves.items():
    style = "steps-post" if name.startswith("阶梯") else "default"  # 阶梯画成真正的台阶
    ax_lin.plot(curve, label=name, drawstyle=style)
    ax_log.semilogy(curve, label=name, drawstyle=style)
for ax in (ax_lin, ax_log):
    ax.axvspan(0, warmup, color="C3", alpha=0.08)
ax_lin.text(0.5, 0.004, "预热", color="C3")
ax_lin.set(title="学习率 η 随 epoch 的变化（η₀ = 0.1）", ylabel="学习率")
ax_log.set(title="对数坐标：指数衰减是直线", xlabel="epoch", ylabel="学习率（对数坐标）")
ax_log.legend(loc="lower left")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查（$t$ 是 epoch，$\eta_0 = 0.1$，$\eta_{\min} = 0.001$）：
#
# - **阶梯衰减** $\eta_t = \eta_0\,\gamma^{\lfloor t/s \rfloor}$（$s = 30$，$\gamma = 0.1$）：只在第 30、60、90 个 epoch 各跳一次，每次除以 10，共四个台阶。
# - **指数衰减** $\eta_t = \eta_0\,\gamma^{t}$（$\gamma = 0.96$）：相邻两个 epoch 的比值恒为 0.96，所以在对数坐标上是直线；最后一个 epoch（$t = 99$）约为 $\eta_0$ 的 1/57。
# - **余弦退火** $\eta_t = \eta_{\min} + \tfrac12(\eta_0 - \eta_{\min})(1 + \cos\frac{\pi t}{T})$（$T = 100$）：单调下降，在 $t = T/2$ 处正好是 $\eta_0$ 和 $\eta_{\min}$ 的中点；开头和结尾降得慢，中间降得快：第 1 个和最后 1 个 epoch 的降幅都不到中间降幅的 1/10。
# - **预热 + 余弦**：前 $W = 10$ 个 epoch 从 $0.1\,\eta_0$ 线性升到 $\eta_0$，每个 epoch 加同样多；第 10 个 epoch 正好达到最大值 $\eta_0$，之后是长度为 $T - W = 90$ 的余弦退火，单调下降到接近 $\eta_{\min}$。

# %%
t = torch.arange(epochs, dtype=torch.float64)
cosine = eta_min + 0.5 * (lr0 - eta_min) * (1 + torch.cos(math.pi * t / epochs))
warm_cosine = torch.where(
    t < warmup,
    lr0 * (0.1 + 0.9 * t / warmup),
    eta_min + 0.5 * (lr0 - eta_min) * (1 + torch.cos(math.pi * (t - warmup) / (epochs - warmup))),
)
closed_form = {
    "阶梯 StepLR": lr0 * 0.1 ** torch.div(t, 30, rounding_mode="floor"),
    "指数 ExponentialLR": lr0 * 0.96**t,
    "余弦 CosineAnnealingLR": cosine,
    "预热 + 余弦": warm_cosine,
}
for name, curve in curves.items():
    torch.testing.assert_close(curve, closed_form[name], rtol=1e-12, atol=0)

step = curves["阶梯 StepLR"]
jumps = (step[1:] != step[:-1]).nonzero().flatten() + 1
assert jumps.tolist() == [30, 60, 90]
torch.testing.assert_close(
    step[jumps] / step[jumps - 1], torch.full((3,), 0.1, dtype=torch.float64)
)

exp = curves["指数 ExponentialLR"]
torch.testing.assert_close(exp[1:] / exp[:-1], torch.full((epochs - 1,), 0.96, dtype=torch.float64))
assert 55 < lr0 / exp[-1] < 58

cos = curves["余弦 CosineAnnealingLR"]
drops = cos[:-1] - cos[1:]
assert (drops > 0).all()  # 单调下降
assert math.isclose(cos[epochs // 2], (lr0 + eta_min) / 2, rel_tol=1e-12)
assert drops[0] < drops[49] / 10 and drops[-1] < drops[49] / 10  # 两头慢、中间快

wc = curves["预热 + 余弦"]
assert math.isclose(wc[0], 0.1 * lr0, rel_tol=1e-12)
rises = wc[1 : warmup + 1] - wc[:warmup]
torch.testing.assert_close(rises, torch.full((warmup,), 0.9 * lr0 / warmup, dtype=torch.float64))
assert wc.argmax() == warmup and math.isclose(wc.max(), lr0, rel_tol=1e-12)
assert (wc[warmup + 1 :] < wc[warmup:-1]).all()  # 峰值之后单调下降
assert wc[-1] < 1.05 * eta_min
print("第 99 个 epoch 的学习率：", {name: f"{curve[-1]:.1e}" for name, curve in curves.items()})
