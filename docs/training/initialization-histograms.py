# %% [markdown]
# # 图解：初始化与 BN 如何影响各层激活值的分布
#
# 《[权重初始化](../initialization/)》一页从 $\operatorname{Var}(y) = n_\mathrm{in} \operatorname{Var}(w) \operatorname{Var}(x)$ 推出了 Xavier 和 He 初始化，这里把推导的结论直接画出来：一个 10 个隐藏层、每层宽 256 的多层感知机，输入 1000 个 $\mathcal{N}(0, 1)$ 样本，只做前向传播，看每一层激活值的分布在不同初始化下怎样变化。
#
# 对比的设置有：全零初始化；“小随机数” $\mathcal{N}(0, 0.01^2)$；Xavier 初始化（`nn.init.xavier_normal_`，配 tanh，另加一条乘 tanh 增益 $5/3$ 的版本）；He 初始化（`nn.init.kaiming_normal_`，配 ReLU）；以及同样的小随机数，但每个线性层后面接一个批归一化（Batch Normalization，`nn.BatchNorm1d`，训练模式，见 [归一化](../normalization/)）。偏置一律为 0。
#
# 上图是最简洁的总结：每层激活值的标准差（对数纵轴）。下图是几层激活值的直方图。图下的 `assert` 检查图上能读出的每一条事实。

# %%
import math
import unicodedata

import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
depth, width, batch = 10, 256, 1000
x = torch.randn(batch, width)


def small_normal(w):
    return nn.init.normal_(w, mean=0.0, std=0.01)


def forward(init, act, bn=False):
    """逐层前向，返回每层的线性输出、预激活（BN 之后）和激活值，第 0 维是层。"""
    h, lin_out, pre, out = x, [], [], []
    for _ in range(depth):
        layer = nn.Linear(width, width)
        init(layer.weight)
        nn.init.zeros_(layer.bias)
        u = layer(h)
        z = nn.BatchNorm1d(width)(u) if bn else u  # 新建的 BN 默认是训练模式：用本批统计量
        h = act(z)
        lin_out.append(u), pre.append(z), out.append(h)
    return torch.stack(lin_out), torch.stack(pre), torch.stack(out)


settings = {
    "zero": ("全零 + tanh", nn.init.zeros_, torch.tanh, False),
    "small": ("N(0, 0.01²) + tanh", small_normal, torch.tanh, False),
    "xavier": ("Xavier + tanh", nn.init.xavier_normal_, torch.tanh, False),
    "xavier53": (
        "Xavier×5/3 + tanh",
        lambda w: nn.init.xavier_normal_(w, gain=5 / 3),
        torch.tanh,
        False,
    ),
    "he": (
        "He + ReLU",
        lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"),
        torch.relu,
        False,
    ),
    "bn": ("N(0, 0.01²) + BN + tanh", small_normal, torch.tanh, True),
}
lin_out, pre, act = {}, {}, {}
with torch.no_grad():
    for key, (_, init, f, bn) in settings.items():
        lin_out[key], pre[key], act[key] = forward(init, f, bn)

std = {key: a.std(dim=(1, 2)) for key, a in act.items()}  # 每层激活值的标准差
layers = torch.arange(1, depth + 1)

fig, ax = plt.subplots(figsize=(6.4, 4.6))
for i, key in enumerate(["small", "xavier", "xavier53", "he", "bn"]):
    ax.semilogy(layers, std[key], marker="o", ms=4, color=f"C{i}", label=settings[key][0])
ax.set(title="各层激活值的标准差", xlabel="隐藏层", ylabel="标准差（对数坐标）", xticks=layers)
ax.text(10, 3e-4, "全零初始化：每层都是 0，\n画不到对数坐标上", ha="right", va="center", color="C5")
ax.legend(loc="lower left", fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - **全零**：每一层的激活值都严格等于 0，同一层所有神经元的输出完全相同——这就是对称性（Symmetry）问题，而且 $\tanh(0) = 0$ 让信号一开始就没了。
# - 第 1 层的预激活标准差就是 $\sqrt{n_\mathrm{in} \operatorname{Var}(w)}$（输入方差为 1）：小随机数 $\sqrt{256} \times 0.01 = 0.16$，Xavier $\sqrt{256 \cdot 2/512} = 1$，He $\sqrt{256 \cdot 2/256} = \sqrt 2$。
# - **小随机数 + tanh**：预激活很小，tanh 几乎是恒等映射，标准差每层乘上同一个 $0.16$，直线（对数坐标）下降，第 10 层只剩第 1 层的 $0.16^9 \approx 10^{-7}$ 左右——激活值全部缩向 0。
# - **Xavier + tanh**：每层只缩小一点（每层的比值在 0.7～1 之间），第 10 层的标准差约为第 1 层的 0.36，保持在同一个数量级。缩小来自 tanh 的压缩：$|\tanh z| < |z|$，推导里“0 附近近似恒等”的假设只是近似成立。乘上增益 $5/3$ 后，压缩被抵消，第 4 层以后基本不变（之后每层的比值在 0.98～1.02 之间，末层与首层之比大于 0.8）。
# - **He + ReLU**：ReLU 输出的均方 $\mathbb{E}[a^2]$ 在各层间基本不变（与第 1 层之比在 0.5～2 之间），正是 $\operatorname{Var}(w) = 2/n_\mathrm{in}$ 要保证的量。

# %%
n = width
for key, expected in [
    ("small", math.sqrt(n) * 0.01),
    ("xavier", 1.0),
    ("xavier53", 5 / 3),
    ("he", math.sqrt(2)),
]:
    assert abs(pre[key][0].std().item() / expected - 1) < 0.03, key

# 全零：所有层、所有神经元都是 0，彼此完全相同
assert (act["zero"] == 0).all() and (pre["zero"] == 0).all()
assert (act["zero"] == act["zero"][:, :, :1]).all()

# 小随机数：每层乘约 √n·σ = 0.16，第 10 层约为首层的 0.16^9 ≈ 7e-8（在 10^-7.5 到 10^-6.5 之间）
ratios = std["small"][1:] / std["small"][:-1]
assert ((ratios - 0.16).abs() < 0.01).all()
assert 10**-7.5 < std["small"][-1] / std["small"][0] < 10**-6.5

# Xavier + tanh：缓慢单调缩小，但保持同一数量级
ratios = std["xavier"][1:] / std["xavier"][:-1]
assert ((ratios > 0.7) & (ratios < 1.0)).all()
assert 0.33 < std["xavier"][-1] / std["xavier"][0] < 0.40  # 约 0.36
assert std["xavier53"][-1] / std["xavier53"][0] > 0.8
ratios53 = std["xavier53"][4:] / std["xavier53"][3:-1]  # 第 4 层以后
assert ((ratios53 - 1).abs() < 0.02).all()

# He + ReLU：激活值的均方逐层大致不变
mean_sq = act["he"].pow(2).mean(dim=(1, 2))
assert ((mean_sq / mean_sq[0] > 0.5) & (mean_sq / mean_sq[0] < 2)).all()


def pad(s, w):  # 汉字占两个字符宽，按显示宽度补齐
    return s + " " * (w - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s))


names = {
    "zero": "全零",
    "small": "小随机",
    "xavier": "Xavier",
    "xavier53": "Xavier×5/3",
    "he": "He",
    "bn": "小随机+BN",
}
print("各层激活值的标准差：")
print(pad("层", 4) + "".join(pad(name, 12) for name in names.values()))
for i in range(depth):
    print(pad(str(i + 1), 4) + "".join(pad(f"{std[key][i].item():.3g}", 12) for key in names))

# %% [markdown]
# 下图换个角度看同一件事：每一行是一种设置，每一列是一层（第 1、4、7、10 层），画的是这一层全部 $1000 \times 256$ 个激活值的直方图（纵轴是占比，同一行横轴相同，左上角标出这一层全部激活值的标准差）。ReLU 有一半输出恰好是 0，那根竖条会把其余部分压扁，所以 He 这一行只画大于 0 的部分。tanh 作用在 $\mathcal{N}(0, 1)$ 上，输出本来就是中间平、靠近 $\pm 1$ 处反而更高的形状：密度 $\varphi(\operatorname{artanh} y)/(1 - y^2)$ 在 $|y| \approx 0.95$ 附近最高，约为中间的 1.8 倍，再往外才落到 0。第二、四行的第 1 层都是这样。

# %%
show_layers = [1, 4, 7, 10]
rows = ["small", "xavier", "he", "bn"]
row_labels = ["N(0, 0.01²)\ntanh", "Xavier\ntanh", "He\nReLU 正值", "N(0, 0.01²)\nBN + tanh"]

fig, axes = plt.subplots(len(rows), len(show_layers), figsize=(6.4, 6.6), sharex="row")
for r, key in enumerate(rows):
    a = act[key]
    lim = 1.0 if key in ("xavier", "bn") else 4 * a[0].std().item()  # tanh 的输出在 ±1 之内
    lo = 0.0 if key == "he" else -lim
    for c, layer in enumerate(show_layers):
        ax = axes[r, c]
        v = a[layer - 1].flatten()
        if key == "he":
            v = v[v > 0]
        counts, _, _ = ax.hist(
            v,
            bins=41,
            range=(lo, lim),
            weights=torch.full_like(v, 1 / v.numel()),
            color=f"C{r}",
            histtype="stepfilled",
        )
        ax.set_ylim(0, counts.max() * 1.3)  # 给左上角的 σ 留出空白
        ax.text(
            0.03,
            0.97,
            f"σ={a[layer - 1].std().item():.2g}",
            transform=ax.transAxes,
            va="top",
            fontsize=8,
        )
        ax.set_yticks([])
        ax.grid(False)
        ax.locator_params(axis="x", nbins=3)
        if r == 0:
            ax.set_title(f"第 {layer} 层", fontsize=10)
        if c == 0:
            ax.set_ylabel(row_labels[r], fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 小随机数（第一行）：第 1 层还有一个窄窄的钟形，第 4 层起全部挤进 0 处的一根柱子（所有值的绝对值都小于 0.01，不到柱宽的一半）；Xavier（第二行）的分布逐层变窄，但一直有形状；He（第三行）各层的分布几乎一样。
# - **加了 BN（最后一行）**：权重同样是 $\mathcal{N}(0, 0.01^2)$，但每一层都先被 BN 按本批数据的均值、方差标准化，所以每一层 tanh 的输入（预激活）每个神经元都是均值 0、标准差 1，tanh 输出的分布在各层几乎一样。BN 的输出与按公式 $(u - \mu_B) / \sqrt{\sigma_B^2 + \varepsilon}$ 手算（$\sigma_B^2$ 是有偏方差，$\varepsilon = 10^{-5}$，初始 $\gamma = 1, \beta = 0$）的结果一致。
# - 同样的初始化去掉 BN，末层预激活的标准差是 $10^{-8}$ 量级；加上 BN，各层激活值的标准差都在 0.63 附近（$\tanh$ 作用在 $\mathcal{N}(0, 1)$ 上的标准差）。

# %%
u, z = lin_out["bn"], pre["bn"]
manual = (u - u.mean(dim=1, keepdim=True)) / torch.sqrt(
    u.var(dim=1, unbiased=False, keepdim=True) + 1e-5
)
torch.testing.assert_close(z, manual, atol=1e-4, rtol=1e-4)

# 每层、每个神经元：预激活的均值 ≈ 0，标准差 ≈ 1
torch.testing.assert_close(z.mean(dim=1), torch.zeros(depth, width), atol=1e-5, rtol=0)
torch.testing.assert_close(
    z.std(dim=1, unbiased=False), torch.ones(depth, width), atol=2e-3, rtol=0
)

# 第二、四行的第 1 层（tanh 的输入标准差都约为 1）：每根柱子的占比与 tanh(N(0, 1)) 的闭式分布
# P(a < tanh z < b) = Φ(artanh b) - Φ(artanh a) 一致；两端附近的柱子约为中间那根的 1.8 倍
normal = torch.distributions.Normal(0.0, 1.0)
edges = torch.linspace(-1, 1, 42)
expected = normal.cdf(torch.atanh(edges[1:].clamp(max=1 - 1e-7))) - normal.cdf(
    torch.atanh(edges[:-1].clamp(min=-1 + 1e-7))
)
for key in ["xavier", "bn"]:
    counts = torch.histc(act[key][0], bins=41, min=-1, max=1) / act[key][0].numel()
    assert (counts - expected).abs().max() < 2e-3, key
    assert 1.6 < counts.max() / counts[20] < 2.0, key
    assert counts.argmax() in (0, 1, 2, 38, 39, 40), key  # 最高的柱子在 ±1 附近

# 小随机数不加 BN：第 4 层起全部挤在 0 处那根柱子里
assert (act["small"][3:].abs() < 0.01).all()

# 没有 BN 时同样的初始化：末层预激活的标准差是 1e-8 量级；有 BN 时各层激活值的标准差都约为 0.63
assert 1e-9 < pre["small"][-1].std() < 1e-7
grid = torch.linspace(-10, 10, 20001, dtype=torch.float64)  # 数值积分 E[tanh(z)²]，z ~ N(0, 1)
density = torch.exp(-(grid**2) / 2) / math.sqrt(2 * math.pi)
tanh_std = torch.trapezoid(torch.tanh(grid) ** 2 * density, grid).sqrt().item()
assert ((std["bn"] - tanh_std).abs() < 0.01).all()

print(
    f"第 10 层激活值的标准差：小随机数 {std['small'][-1].item():.1e}，加 BN 后 {std['bn'][-1].item():.2f}"
)
