# %% [markdown]
# # 图解：偏差–方差权衡
#
# 《[过拟合与欠拟合](../overfitting/)》给出了平方损失下的偏差–方差分解（Bias–Variance Decomposition）：期望测试误差 = 偏差² + 方差 + 不可约噪声 $\sigma^2$。公式里的期望是对“抽到哪一份训练集”取的，所以要把它画出来，就得真的抽很多份训练集：这里从 $y = \sin(2\pi x) + \varepsilon$（$\varepsilon \sim \mathcal{N}(0, 0.3^2)$）里独立抽 200 份训练集，每份 20 个点，对每一份分别用 0～12 次多项式做最小二乘，再在 $[0, 1]$ 上 101 个测试点处统计这 200 个模型的预测。
#
# - **偏差²**：200 个模型的平均预测 $\bar{f}(x)$ 与真实函数 $f(x)$ 之差的平方，再对 $x$ 取平均；
# - **方差**：同一个 $x$ 上 200 个预测围绕 $\bar{f}(x)$ 的方差，再对 $x$ 取平均；
# - **期望测试误差**：每个模型在每个测试点上都配一个新抽的带噪声观测 $y$（与训练集独立），直接算均方误差。它不依赖上面的分解，所以可以拿来检验公式。
#
# 每份训练集把 $[0, 1]$ 分成 20 个小格，每格里随机取一个 $x$（分层抽样）：输入也是随机的，但不会出现一大段没有数据的空白，否则高次多项式在空白处会剧烈发散，方差大到盖住一切。多项式用勒让德多项式（Legendre Polynomial）作基，比 $1, x, x^2, \dots$ 的条件数小得多，最小二乘用 `torch.linalg.lstsq` 在 float64 下一次解出 200 个。

# %%
import math

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
sigma, n, n_sets, max_deg = 0.3, 20, 200, 12
degrees = list(range(max_deg + 1))


def f(x):
    return torch.sin(2 * math.pi * x)


def legendre_features(x, d):
    """x ∈ [0, 1] 映射到 t ∈ [-1, 1]，返回 P₀(t)…P_d(t)，最后一维是特征。"""
    t = 2 * x - 1
    return torch.stack([torch.special.legendre_polynomial_p(t, k) for k in range(d + 1)], dim=-1)


x_train = (torch.arange(n, dtype=torch.float64) + torch.rand(n_sets, n, dtype=torch.float64)) / n
y_train = f(x_train) + sigma * torch.randn(n_sets, n, dtype=torch.float64)
x_test = torch.linspace(0, 1, 101, dtype=torch.float64)
f_test = f(x_test)
y_fresh = f_test + sigma * torch.randn(n_sets, 101, dtype=torch.float64)  # 新观测，与训练集独立

bias2, var, test_mse, train_mse, preds = [], [], [], [], {}
for d in degrees:
    Phi = legendre_features(x_train, d)  # (200, 20, d+1)
    w = torch.linalg.lstsq(Phi, y_train.unsqueeze(-1)).solution  # 200 个最小二乘
    pred = (legendre_features(x_test, d) @ w.squeeze(-1).T).T  # (200, 101)：每行一个模型
    mean_pred = pred.mean(0)
    bias2.append(((mean_pred - f_test) ** 2).mean())
    var.append(pred.var(0, correction=0).mean())  # 对 200 个训练集的方差（除以 200）
    test_mse.append(((y_fresh - pred) ** 2).mean())
    train_mse.append((((Phi @ w).squeeze(-1) - y_train) ** 2).mean(1))  # 每份训练集各自的训练误差
    preds[d] = pred
bias2, var, test_mse = torch.stack(bias2), torch.stack(var), torch.stack(test_mse)
train_mse = torch.stack(train_mse)  # (13, 200)
total = bias2 + var + sigma**2
best = int(total.argmin())

fig, ax = plt.subplots(figsize=(6.4, 4.6))
ax.plot(degrees, bias2, "o-", color="C0", label="偏差²")
ax.plot(degrees, var, "s-", color="C1", label="方差")
ax.axhline(sigma**2, color="C2", ls="--", label="噪声 σ² = 0.09")
ax.plot(degrees, total, "-", color="C3", lw=2.5, alpha=0.6, label="偏差² + 方差 + σ²")
ax.plot(degrees, test_mse, "x", color="C3", ms=8, mew=2, label="直接估计的测试误差")
ax.plot(degrees, train_mse.mean(1), ":", color="C4", label="训练误差")
ax.plot(best, total[best], "*", color="C5", ms=18, zorder=5)
ax.annotate(
    f"最好：{best} 次",
    xy=(best, total[best]),
    xytext=(best + 1.6, 0.004),
    color="C5",
    arrowprops={"arrowstyle": "->", "color": "C5"},
)
ax.set(
    yscale="log",
    ylim=(1e-4, 300),
    xlabel="多项式次数 d",
    ylabel="均方误差（对数坐标）",
    title="偏差随次数下降，方差随次数上升",
)
ax.set_xticks(degrees)
ax.legend(loc="upper center", fontsize=9, ncol=2)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - **分解成立。** 对这 200 个模型，预测与真实函数的均方差恰好等于偏差² + 方差（样本平均里交叉项严格为 0）；再加上新观测的噪声，直接估计的测试误差（叉号）与偏差² + 方差 + $\sigma^2$（红线）在每个次数上相差都不到 3%，差别只来自蒙特卡洛误差。
# - **偏差² 从 0 次到最好的次数一路下降**（容差 $10^{-3}$）：0 次（常数）时约为 $\overline{\sin^2} = 0.5$；1→2 次、3→4 次几乎不降，因为 $\sin(2\pi x)$ 关于 $x = \tfrac12$ 反对称，偶数次的勒让德多项式关于 $x = \tfrac12$ 对称，对它没有帮助。
# - **方差随次数单调上升**，12 次的方差是 1 次的 10 倍以上，而且超过了 $\sigma^2$ 本身。
# - **总误差是 U 形**：最好的次数严格在 0 和 12 之间，两端的总误差都是最低点的 3 倍以上。
# - 高次时偏差² 的估计又略有回升，这不是真的偏差：平均预测只用 200 个模型估计，它自己的波动（约为方差 ÷ 200）也被算进了偏差²。12 次时这个估计值还不到方差 ÷ 200 的两倍。
# - **训练误差不能用来选次数**：对每一份训练集，训练误差都随次数单调不增（次数高的多项式包含次数低的），它会一直偏向最高的次数。

# %%
for d in degrees:  # 样本恒等式：mean (ŷ − f)² = 偏差² + 方差
    err_f = ((preds[d] - f_test) ** 2).mean()
    torch.testing.assert_close(err_f, bias2[d] + var[d], rtol=1e-10, atol=0)
assert ((test_mse / total - 1).abs() < 0.03).all()
assert 0 < best < max_deg
assert bias2[0] > 0.45
assert all(bias2[k + 1] <= bias2[k] + 1e-3 for k in range(best))
assert abs(bias2[2] / bias2[1] - 1) < 0.05 and abs(bias2[4] / bias2[3] - 1) < 0.05
assert (var[1:] > var[:-1]).all()
assert var[max_deg] > 10 * var[1] and var[max_deg] > sigma**2
assert total[0] > 3 * total[best] and total[max_deg] > 3 * total[best]
assert bias2[max_deg] < 2 * var[max_deg] / n_sets
assert (train_mse[1:] <= train_mse[:-1] + 1e-12).all()
# lstsq 与正规方程 (ΦᵀΦ) w = Φᵀy 的解一致（第 1 份训练集，最高次数）
Phi0 = legendre_features(x_train[0], max_deg)
w_lstsq = torch.linalg.lstsq(Phi0, y_train[0]).solution
w_normal = torch.linalg.solve(Phi0.T @ Phi0, Phi0.T @ y_train[0])
torch.testing.assert_close(w_lstsq, w_normal, rtol=1e-6, atol=1e-8)
print(f"最好的次数：{best}")
print(f"偏差² {bias2[best]:.4f}，方差 {var[best]:.4f}，σ² {sigma**2:.4f}，合计 {total[best]:.4f}")
print(f"直接估计的测试误差：{test_mse[best]:.4f}")

# %% [markdown]
# ## 三个次数下的 20 个模型
#
# 从 200 份训练集里取前 20 份，把它们的拟合曲线画在一起（浅色），粗线是 200 个模型的平均预测 $\bar{f}(x)$。平均预测离真实函数的距离就是偏差，浅色曲线散开的程度就是方差。

# %%
shown = [1, best, max_deg]
captions = {1: "偏差大、方差小（欠拟合）", best: "总误差最小", max_deg: "偏差小、方差大（过拟合）"}
fig, axes = plt.subplots(3, 1, figsize=(6.4, 8.4), sharex=True)
for ax, d in zip(axes, shown, strict=True):
    for pred in preds[d][:20]:
        ax.plot(x_test, pred, color="C0", alpha=0.25, lw=1)
    ax.plot(x_test, f_test, color="C2", lw=2.5, label="真实函数 f")
    ax.plot(x_test, preds[d].mean(0), color="C1", lw=2, ls="--", label="平均预测")
    ax.set(ylim=(-2, 2), title=f"{d} 次：{captions[d]}", ylabel="y")
axes[0].legend(loc="upper right", fontsize=9)
axes[-1].set(xlabel="x")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实：1 次时平均预测离真实函数很远（偏差² 大于 0.1），各条直线却挤在一起；12 次时平均预测几乎贴着真实函数（偏差² 小于 0.02），单个模型却散得很开，方差是偏差² 的 100 倍以上；最好的次数两者都小。

# %%
assert bias2[1] > 0.1 and var[1] < 0.5 * bias2[1]
assert bias2[max_deg] < 0.02 and var[max_deg] > 100 * bias2[max_deg]
assert bias2[best] < 0.02 and var[best] < 0.05
