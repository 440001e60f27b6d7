# %% [markdown]
# # 图解：温度如何软化 Softmax
#
# 《[知识蒸馏](../distillation/)》一页说：把 logit 除以温度 $T$ 再做 Softmax，分布会变平，教师输出里那些很小的概率（暗知识（Dark Knowledge））才“看得见”。这里拿一个假想教师对一张猫的照片给出的 6 个 logit，把 $T = 1, 2, 4, 10$ 时的概率画在一起，再画出分布的熵随温度的变化。
#
# 最后一张图回答面试常问的“为什么软损失要乘 $T^2$”：不乘的话，软损失对学生 logit 的梯度随温度按 $1/T^2$ 变小。概率用 PyTorch 的 `F.softmax`、软损失用 `F.kl_div` 计算，梯度由 `torch.autograd` 求出，再与手写公式对照；每张图下面的 `assert` 就是图要说明的事实。
#
# 记号与正文一致：教师的 logit 为 $\mathbf{v}$、分布为 $\mathbf{p}$，学生的 logit 为 $\mathbf{z}$、分布为 $\mathbf{q}$，类别数为 $N$。

# %%
import math

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

classes = ["猫", "狐狸", "狗", "兔子", "鸟", "汽车"]
v = torch.tensor([6.0, 3.0, 2.0, 1.0, 0.0, -1.0])  # 教师的 logit：很确定是猫，狐狸和狗有点像
N = len(classes)
temperatures = [1, 2, 4, 10]

probs = {T: F.softmax(v / T, dim=0) for T in temperatures}

fig, ax = plt.subplots(figsize=(6.4, 4.2))
width = 0.2
for k, T in enumerate(temperatures):
    positions = [c + (k - 1.5) * width for c in range(N)]
    ax.bar(positions, probs[T].tolist(), width=width, label=f"T = {T}")
ax.axhline(1 / N, color="C3", linestyle="--", linewidth=1)
ax.text(N - 0.5, 1 / N + 0.02, "均匀分布 1/N", color="C3", ha="right")
ax.set_xticks(range(N), classes)
ax.set(title="教师的软目标 softmax(v / T)", ylabel="概率", ylim=(0, 1))
ax.legend(title="温度")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 每个温度下的分布都是 $p_i = e^{v_i/T} / \sum_j e^{v_j/T}$，与 `F.softmax(v / T)` 一致，和为 1。
# - 升温**不改变排序**：每个温度下都是“猫”最高，六个类别的先后顺序完全相同，因为 $p_i / p_j = e^{(v_i - v_j)/T}$ 的正负号不随 $T$ 改变。
# - 升温把概率从“猫”挪给其他类别：“猫”的概率随 $T$ 单调下降，最不像的“汽车”的概率单调上升；$T = 1$ 时“汽车”只有千分之一左右，$T = 10$ 时已超过 $0.1$。
# - 两个类别的概率比被压向 1：“猫”与“狐狸”的概率比 $e^{3/T}$ 从 $T = 1$ 时约 20 倍降到 $T = 10$ 时约 1.35 倍。

# %%
for T in temperatures:
    manual = torch.exp(v / T) / torch.exp(v / T).sum()
    torch.testing.assert_close(probs[T], manual)
    assert abs(probs[T].sum().item() - 1) < 1e-6
    assert probs[T].argmax().item() == 0  # 猫
    assert torch.equal(probs[T].argsort(descending=True), v.argsort(descending=True))

cat = torch.stack([probs[T][0] for T in temperatures])
car = torch.stack([probs[T][-1] for T in temperatures])
assert (cat.diff() < 0).all() and (car.diff() > 0).all()
assert 5e-4 < probs[1][-1] < 1.5e-3 and probs[10][-1] > 0.1  # 千分之一左右；超过 0.1
for T in temperatures:
    ratio = (probs[T][0] / probs[T][1]).item()
    assert abs(ratio - math.exp(3 / T)) < 1e-4 * ratio
print(f"“汽车”的概率：T = 1 时 {probs[1][-1].item():.1e}，T = 10 时 {probs[10][-1].item():.3f}")

# %% [markdown]
# ## 熵随温度单调增加
#
# 用熵 $H(T) = -\sum_i p_i \log p_i$ 衡量分布有多“平”：独热向量的熵是 0，$N$ 类均匀分布的熵最大，为 $\log N$。下图横轴是对数刻度的温度，从 $T = 0.05$ 到 $T = 100$。

# %%
T_grid = torch.logspace(math.log10(0.05), 2, 200, dtype=torch.float64)
p_grid = F.softmax(v.double()[None, :] / T_grid[:, None], dim=1)
entropy = -(p_grid * torch.log(p_grid.clamp_min(1e-300))).sum(dim=1)

fig, ax = plt.subplots(figsize=(6.4, 4.0))
ax.plot(T_grid.tolist(), entropy.tolist(), label="H(T)")
ax.axhline(math.log(N), color="C3", linestyle="--", label=f"均匀分布的熵 log N = {math.log(N):.2f}")
for k, T in enumerate(temperatures):
    p = probs[T].double()
    ax.plot(T, -(p * p.log()).sum().item(), "o", color=f"C{k}")
ax.set_xscale("log")
ax.set(title="软目标的熵随温度单调增加", xlabel="温度 T（对数刻度）", ylabel="熵 H（nat）")
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 熵随温度**严格单调增加**，而且始终低于 $\log N$。正文给出了导数：$\dfrac{\mathrm{d}H}{\mathrm{d}T} = \dfrac{\operatorname{Var}_p(v)}{T^3} > 0$，这里用 autograd 在几个温度上核对。
# - 左端 $T \to 0$：分布趋于 argmax 处的独热向量，$T = 0.05$ 时“猫”的概率大于 $0.999$，熵接近 0。
# - 右端 $T \to \infty$：分布趋于均匀分布，$T = 100$ 时每个概率与 $1/N$ 相差不到 $0.01$，熵贴近 $\log N$。

# %%
assert (entropy.diff() > 0).all()
assert (entropy < math.log(N)).all()

p_cold = F.softmax(v / 0.05, dim=0)
p_hot = F.softmax(v / 100, dim=0)
assert p_cold.max() > 0.999 and p_cold.argmax().item() == 0
assert ((p_hot - 1 / N).abs() < 0.01).all()
assert entropy[0] < 1e-3 and math.log(N) - entropy[-1] < 1e-2

for T0 in [0.5, 1.0, 3.0, 10.0]:
    T = torch.tensor(T0, dtype=torch.float64, requires_grad=True)
    p = F.softmax(v.double() / T, dim=0)
    H = -(p * p.log()).sum()
    (dH_dT,) = torch.autograd.grad(H, T)
    p = p.detach()
    variance = (p * v.double() ** 2).sum() - (p * v.double()).sum() ** 2
    torch.testing.assert_close(dH_dT, variance / T0**3)

print(" T   | 最大概率 | 熵（nat）")
for T in [0.05, *temperatures, 100]:
    p = F.softmax(v.double() / T, dim=0)
    H = -(p * torch.log(p.clamp_min(1e-300))).sum()
    print(f"{T:>5} | {p.max().item():8.4f} | {H.item():.4f}")
print(f"log N = {math.log(N):.4f}")

# %% [markdown]
# ## 为什么软损失要乘 T²
#
# 软损失取教师与学生在同一温度下的 KL 散度 $L_\text{soft} = \mathrm{KL}(\mathbf{p} \,\|\, \mathbf{q})$，PyTorch 里写成 `F.kl_div(F.log_softmax(z / T), F.softmax(v / T), reduction="batchmean")`。正文推出它对学生 logit 的梯度是
#
# $$\frac{\partial L_\text{soft}}{\partial z_k} = \frac{1}{T}\,(q_k - p_k), \qquad \frac{\partial\, T^2 L_\text{soft}}{\partial z_k} = T\,(q_k - p_k)$$
#
# 高温时 $q_k - p_k$ 本身也按 $1/T$ 缩小，所以不乘 $T^2$ 的梯度整体按 $1/T^2$ 缩小，而硬损失的梯度与 $T$ 无关。下图取一个还没学好的学生（logit 固定），画出两种写法的梯度范数随温度的变化（双对数坐标）。

# %%
z = torch.tensor([[2.0, 2.5, 0.5, 1.0, -0.5, 0.0]])  # 学生的 logit：把狐狸排在了猫前面


def soft_grad(T, scale_T2):
    """软损失（可选乘 T²）对学生 logit 的梯度，由 autograd 求出。"""
    zs = z.clone().requires_grad_(True)
    loss = F.kl_div(
        F.log_softmax(zs / T, dim=1), F.softmax(v[None, :] / T, dim=1), reduction="batchmean"
    )
    if scale_T2:
        loss = T**2 * loss
    (grad,) = torch.autograd.grad(loss, zs)
    return grad


T_curve = torch.logspace(0, 2, 40).tolist()
plain = [soft_grad(T, scale_T2=False).norm().item() for T in T_curve]
scaled = [soft_grad(T, scale_T2=True).norm().item() for T in T_curve]

fig, ax = plt.subplots(figsize=(6.4, 4.2))
ax.plot(T_curve, scaled, label="乘 T²：T²·KL(p‖q)")
ax.plot(T_curve, plain, label="不乘：KL(p‖q)")
ax.plot(
    T_curve,
    [plain[-1] * (T_curve[-1] / T) ** 2 for T in T_curve],
    "--",
    color="C2",
    label="参考线 ∝ 1/T²",
)
ax.set_xscale("log")
ax.set_yscale("log")
ax.set(
    title="软损失对学生 logit 的梯度范数", xlabel="温度 T（对数刻度）", ylabel="‖∂L/∂z‖（对数刻度）"
)
ax.legend(loc="lower left")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - `F.kl_div(..., reduction="batchmean")` 就是 $\sum_i p_i \log(p_i / q_i)$；autograd 算出的梯度等于 $(q - p)/T$，乘 $T^2$ 后等于 $T\,(q - p)$。
# - 不乘 $T^2$ 的曲线与 $1/T^2$ 参考线平行：温度从 10 升到 20，梯度范数缩小到约 $1/4$（误差在 10% 以内）。
# - 乘 $T^2$ 的曲线几乎是平的：在 $T = 1$ 到 $100$ 的范围内，梯度范数的最大值与最小值相差不到 1.5 倍，而不乘时相差上万倍。这就是论文乘 $T^2$ 的原因：调温度时软、硬两部分梯度的相对大小大致不变。

# %%
for T in [1.0, 2.0, 4.0, 10.0, 20.0]:
    p = F.softmax(v[None, :] / T, dim=1)
    q = F.softmax(z / T, dim=1)
    kl_manual = (p * (p.log() - q.log())).sum()
    kl_torch = F.kl_div(F.log_softmax(z / T, dim=1), p, reduction="batchmean")
    torch.testing.assert_close(kl_torch, kl_manual)
    torch.testing.assert_close(soft_grad(T, scale_T2=False), (q - p) / T)
    torch.testing.assert_close(soft_grad(T, scale_T2=True), T * (q - p))

ratio = soft_grad(10.0, scale_T2=False).norm() / soft_grad(20.0, scale_T2=False).norm()
assert abs(ratio.item() / 4 - 1) < 0.1
assert max(scaled) / min(scaled) < 1.5
assert max(plain) / min(plain) > 1e4
print("不乘 T² 时，T = 10 与 T = 20 的梯度范数之比：", round(ratio.item(), 3))
print("乘 T² 后，T ∈ [1, 100] 内梯度范数的最大值 / 最小值：", round(max(scaled) / min(scaled), 3))
