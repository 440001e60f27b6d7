# %% [markdown]
# # 图解：过拟合的学习曲线，以及权重衰减和 Dropout 的效果
#
# 《[过拟合与欠拟合](../overfitting/)》说：模型太灵活、数据太少时，训练误差一路下降，验证误差却先降后升，模型把训练集特有的噪声也背了下来。这里用一个最小的例子把这件事画出来：24 个带噪声的点（$y = \sin x + \varepsilon$，噪声标准差 $\sigma = 0.3$），交给一个约 1.7 万个参数的多层感知机（MLP），用全量梯度训练 500 步，每一步都记下训练损失和验证损失（200 个验证点）。
#
# 然后在**完全相同的数据和初始化**下再训练两次：一次加权重衰减（见《[L1、L2 正则与权重衰减](../weight-decay/)》），一次在隐藏层加 [Dropout](../dropout/)。三条验证曲线放在一起，就能看出正则化改变了什么：训练损失停在更高的位置，验证损失不再明显回升。验证损失最低的那一步，就是早停会停下的地方（见《[早停](../early-stopping/)》）。
#
# 损失都在 `model.eval()` 和 `torch.no_grad()` 下计算（Dropout 关闭），训练时才切回 `model.train()`。图下面的 `assert` 就是图要说明的事实。

# %%
import matplotlib.pyplot as plt
import torch
from matplotlib.ticker import NullFormatter, ScalarFormatter
from torch import nn

sigma = 0.3  # 噪声标准差，σ² = 0.09 是任何模型都降不下去的验证损失
n_train, n_val = 24, 200


def make_data(seed):
    """24 个训练点、200 个验证点，都在 [-3, 3] 上均匀采样；验证点拼在训练点后面一起评估。"""
    torch.manual_seed(seed)
    x_train = torch.rand(n_train, 1) * 6 - 3
    y_train = torch.sin(x_train) + sigma * torch.randn(n_train, 1)
    x_val = torch.rand(n_val, 1) * 6 - 3
    y_val = torch.sin(x_val) + sigma * torch.randn(n_val, 1)
    return x_train, y_train, torch.cat([x_train, x_val]), torch.cat([y_train, y_val])


x_train, y_train, x_both, y_both = make_data(0)

hidden, steps, lr = 128, 500, 0.02
last = 50  # “最后的损失”取最后 50 步的平均：Dropout 的曲线抖动大，单看一步不可靠


def make_mlp(p_drop=0.0, init_seed=1):
    """1→128→128→1 的 Tanh 网络；p_drop > 0 时在两个隐藏层的激活之后做 Dropout。"""
    torch.manual_seed(init_seed)  # 三次训练用同一个初始化（Dropout 层没有参数）
    return nn.Sequential(
        nn.Linear(1, hidden),
        nn.Tanh(),
        nn.Dropout(p_drop),
        nn.Linear(hidden, hidden),
        nn.Tanh(),
        nn.Dropout(p_drop),
        nn.Linear(hidden, 1),
    )


def train(p_drop=0.0, weight_decay=0.0, seed=0, record_from=0):
    """seed 决定数据（seed）和初始化（seed + 1）；只记录第 record_from 步以后的损失。"""
    x_train, y_train, x_both, y_both = make_data(seed)
    model = make_mlp(p_drop, init_seed=seed + 1)
    init = {k: v.clone() for k, v in model.state_dict().items()}
    # 只衰减权重矩阵，偏置不衰减（见“权重衰减”一页）；weight_decay=0 时 AdamW 就是 Adam
    decay = [w for w in model.parameters() if w.ndim >= 2]
    no_decay = [b for b in model.parameters() if b.ndim < 2]
    opt = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=lr,
    )
    train_loss, val_loss = [], []
    for step in range(steps):
        model.train()  # 打开 Dropout
        opt.zero_grad()
        loss = ((model(x_train) - y_train) ** 2).mean()
        loss.backward()
        opt.step()
        if step < record_from:
            continue
        model.eval()  # 关闭 Dropout 再评估
        with torch.no_grad():
            sq_err = (model(x_both) - y_both) ** 2
        train_loss.append(sq_err[:n_train].mean().item())
        val_loss.append(sq_err[n_train:].mean().item())
    return model, init, torch.tensor(train_loss), torch.tensor(val_loss)


runs = {
    "不加正则": train(),
    "权重衰减 λ=1": train(weight_decay=1.0),
    "Dropout p=0.3": train(p_drop=0.3),
}
base_model, _, base_train, base_val = runs["不加正则"]
final = {
    name: (run[2][-last:].mean().item(), run[3][-last:].mean().item()) for name, run in runs.items()
}
base_tr_final, base_va_final = final["不加正则"]
noise_train = ((torch.sin(x_train) - y_train) ** 2).mean().item()  # 真实函数在训练点上的误差
n_params = sum(w.numel() for w in base_model.parameters())
best_step = int(base_val.argmin())  # 第 best_step + 1 步之后验证损失最低
step_axis = torch.arange(1, steps + 1)

fig, ax = plt.subplots(figsize=(6.4, 4.2))
ax.plot(step_axis, base_train, label="训练损失", color="C0")
ax.plot(step_axis, base_val, label="验证损失", color="C1")
ax.axhline(sigma**2, color="C2", ls="--", lw=1, label="噪声水平 σ² = 0.09")
ax.axvline(best_step + 1, color="C3", ls=":", lw=1.2)
ax.plot(best_step + 1, base_val[best_step], "o", color="C3")
ax.annotate(
    f"验证损失最低：第 {best_step + 1} 步\n早停会停在这里",
    xy=(best_step + 1, base_val[best_step]),
    xytext=(90, 0.5),
    color="C3",
    arrowprops={"arrowstyle": "->", "color": "C3"},
)
ax.set(
    yscale="log",
    xlabel="训练步数",
    ylabel="均方误差（对数坐标）",
    title=f"不加正则：{n_params} 个参数拟合 {n_train} 个点",
    ylim=(0.01, 20),
)
ax.legend(loc="upper right")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实（这一次运行），逐条检查：
#
# - 训练损失一路下降，最后的训练损失（取最后 50 步的平均，下同）降到噪声水平 $\sigma^2$ 的一半以下，也不到真实函数 $\sin x$ 自己在这 24 个训练点上的误差的一半：比“正确答案”还贴近训练数据，多出来的部分只能是拟合了噪声。
# - 最后的验证损失是最后训练损失的 10 倍以上：泛化差距很大。
# - 验证损失在前 20% 的步数里就达到最低，之后回升，最后比最低点高出 30% 以上；从最低点到最后，训练损失却又降到不足一半。继续训练只是在背噪声。
# - 三次训练从同一组初始参数出发，区别只在正则化。

# %%
assert base_tr_final < 0.5 * sigma**2 and base_tr_final < 0.5 * noise_train
assert base_va_final > 10 * base_tr_final
assert best_step < 0.2 * steps
assert base_va_final > 1.3 * base_val[best_step]
assert base_tr_final < 0.5 * base_train[best_step]
inits = [run[1] for run in runs.values()]
for init in inits[1:]:
    assert all(torch.equal(init[k], inits[0][k]) for k in init)
print("参数个数：", n_params)
print(f"sin x 在训练点上的误差：{noise_train:.3f}")
print(f"验证损失最低：第 {best_step + 1} 步，{base_val[best_step]:.3f}；最后：{base_va_final:.3f}")

# %% [markdown]
# ## 三种训练放在一起
#
# 权重衰减用的是 `torch.optim.AdamW`：它把衰减和梯度更新解耦，每一步先把权重矩阵乘以 $1 - \eta\lambda$（偏置不衰减）（这里 $\eta = 0.02$、$\lambda = 1$，即每步缩小 2%），再用数据梯度做 Adam 更新。`torch.optim.Adam(weight_decay=λ)` 则是把 $\lambda\mathbf{w}$ 加进梯度（L2 正则），这一项和数据梯度一起被 Adam 的 $\sqrt{\hat v_t}$ 归一化，历史梯度大的参数几乎不衰减，效果不同。$\lambda = 1$ 比 AdamW 的默认值 0.01 大得多，这是在这个小问题上试出来的，和 Dropout 的比例 $p = 0.3$ 一样，都是要在验证集上调的超参数。
#
# Dropout 让每一步的梯度都带上随机噪声，参数跟着来回跳，它的损失曲线（即使在 eval 模式下算）抖动很大。下图用浅色画每一步的原始值，深色画 25 步的滑动平均。

# %%
names = list(runs)
window = 25


def smooth(curve):
    return curve.unfold(0, window, 1).mean(1)  # 第 window 步起的滑动平均


fig, (ax_val, ax_train) = plt.subplots(2, 1, figsize=(6.4, 7.2), sharex=True)
for i, name in enumerate(names):
    _, _, tr, va = runs[name]
    for ax, curve in ((ax_val, va), (ax_train, tr)):
        ax.plot(step_axis, curve, color=f"C{i}", alpha=0.25, lw=0.8)
        ax.plot(step_axis[window - 1 :], smooth(curve), color=f"C{i}", label=name)
for ax, ticks in ((ax_val, [0.1, 0.2, 0.3, 0.5]), (ax_train, [0.01, 0.03, 0.1, 0.3])):
    ax.axhline(sigma**2, color="C4", ls="--", lw=1, label="σ²")
    ax.set(yscale="log", ylabel="均方误差（对数）", ylim=(ticks[0] * 0.8, 0.6), yticks=ticks)
    ax.yaxis.set_major_formatter(ScalarFormatter())
    ax.yaxis.set_minor_formatter(NullFormatter())
ax_val.set(title="验证损失：正则化后低于不加正则")
ax_train.set(title="训练损失：正则化后停在更高处", xlabel="训练步数")
ax_val.legend(loc="upper right")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实（这一次运行；“最后”都指最后 50 步的平均）：
#
# - 权重衰减和 Dropout 最后的验证损失都比不加正则低 20% 以上。
# - 它们的泛化差距（最后的验证损失 ÷ 训练损失）都小于 3，不到不加正则时的四分之一。
# - 代价是训练损失：两者最后的训练损失都是不加正则时的 3 倍以上，也没有降到 $\sigma^2$ 的一半以下。正则化的作用正是“少拟合一点训练集”，对偏差–方差来说，就是用一点偏差换更小的方差。
# - 不加正则、但在验证损失最低的那一步停下，验证损失也不比两种正则化高：早停本身也是一种正则化。不过这个最低值是在同一个验证集上从 500 步里挑出来的，偏乐观；要公平地比较，得在另一份测试集上评估（见《[早停](../early-stopping/)》）。实际中几种手段常常一起用，强度都在验证集上选。
#
# 这些幅度只属于这一组数据和初始化。下一个单元格再换 4 组（连同这一组共 5 组），检查哪些结论每一组都成立。

# %%
gap = {name: va / tr for name, (tr, va) in final.items()}
for name in names[1:]:
    tr, va = final[name]
    assert va < 0.8 * base_va_final, name
    assert gap[name] < 3 and gap[name] < 0.25 * gap["不加正则"], name
    assert tr > 3 * base_tr_final and tr > 0.5 * sigma**2, name
    assert base_val[best_step] <= va, name
for name in names:
    tr, va = final[name]
    print(f"{name}：训练 {tr:.3f}，验证 {va:.3f}，差距 {gap[name]:.1f} 倍")

# %% [markdown]
# 换 5 组数据和初始化（每组三种训练仍共用同一个初始化）时，方向每一组都相同：两种正则化最后的验证损失都比不加正则低、训练损失都比它高、泛化差距都比它小。幅度却因组而异（下面印出了 5 组里验证损失降低比例的范围），所以上面的“低 20% 以上”“差距不到四分之一”只是这一次运行的结果，不能当作一般结论。两种正则化的强度（$\lambda = 1$、$p = 0.3$）都只是在这个小问题上试出来的，这里也不比较它们谁更好。

# %%
setups = {"不加正则": {}, "权重衰减 λ=1": {"weight_decay": 1.0}, "Dropout p=0.3": {"p_drop": 0.3}}
gains = {name: [] for name in names[1:]}  # 每组里：1 - 正则化后的验证损失 / 不加正则的验证损失
for seed in range(5):
    ends = {}
    for name, kwargs in setups.items():
        run = runs[name] if seed == 0 else train(seed=seed, record_from=steps - last, **kwargs)
        ends[name] = (run[2][-last:].mean().item(), run[3][-last:].mean().item())
    tr0, va0 = ends["不加正则"]
    for name in names[1:]:
        tr, va = ends[name]
        assert va < va0 and tr > tr0 and va / tr < va0 / tr0, (seed, name)
        gains[name].append(1 - va / va0)
for name, g in gains.items():
    print(f"{name}：验证损失比不加正则低 {min(g):.0%} 到 {max(g):.0%}")

# %% [markdown]
# ## 学到的函数
#
# 把三个模型（eval 模式）画在 $[-3, 3]$ 上，和真实函数 $\sin x$、训练点放在一起。

# %%
x_grid = torch.linspace(-3, 3, 301).unsqueeze(1)
fits = {}
for name in names:
    model = runs[name][0]
    model.eval()
    with torch.no_grad():
        fits[name] = model(x_grid)
true_grid = torch.sin(x_grid)

fig, ax = plt.subplots(figsize=(6.4, 4.4))
ax.plot(x_grid, true_grid, color="C4", lw=3, alpha=0.4, label="真实函数 sin x")
for i, name in enumerate(names):
    ax.plot(x_grid, fits[name], color=f"C{i}", label=name)
ax.plot(x_train, y_train, "o", color="C3", ms=5, label="训练点")
ax.set(xlabel="x", ylabel="y", title="不加正则的曲线为了穿过噪声点而弯折", ylim=(-2, 2))
ax.legend(loc="upper left", fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实（这一次运行）：不加正则的曲线离真实函数最远，它在 $[-3, 3]$ 上与 $\sin x$ 的均方差距是两个正则化模型的 2 倍以上；这个差距加上 $\sigma^2$，与最后一步的验证损失相差不到 15%：验证损失 ≈ 模型离真实函数的距离 + 噪声。

# %%
dist = {name: ((fits[name] - true_grid) ** 2).mean().item() for name in names}
for name in names[1:]:
    assert dist["不加正则"] > 2 * dist[name], name
for name in names:
    last_val = runs[name][3][-1].item()
    assert abs(dist[name] + sigma**2 - last_val) < 0.15 * last_val, name
    print(
        f"{name}：与 sin x 的均方差距 {dist[name]:.3f}，加上 σ² 为 {dist[name] + sigma**2:.3f}，验证损失 {last_val:.3f}"
    )
