# %% [markdown]
# # 图解：优化器在病态损失面上的轨迹
#
# 《[优化器](../optimizers/)》一页用公式解释了梯度下降为什么在“峡谷”里走 Z 字形，以及动量和自适应学习率怎样缓解。这里把五个 `torch.optim` 优化器放到同一个病态（Ill-conditioned）的二次函数上，亲眼看它们怎么走：$f(w) = \tfrac12\,(w_1^2 + 50\,w_2^2)$，海森矩阵（Hessian Matrix）是 $\operatorname{diag}(1, 50)$，条件数 $\kappa = 50$，与那一页的例子相同。$w_1$ 方向平缓，$w_2$ 方向陡峭；五个优化器都从 $(-4, 1.5)$ 出发，各走 120 步。
#
# 学习率：SGD 用 $\gamma = 0.035$，此时 $\gamma\kappa = 1.75$ 介于 1 和 2 之间，陡方向每步都越过谷底但不发散；SGD + 动量（$\mu = 0.9$）用 0.01，因为动量沿一致的方向把步长放大到约 $1/(1-\mu) = 10$ 倍；AdaGrad 用 0.5，RMSprop 用 0.05，Adam 用 0.3；其余超参数都是 PyTorch 的默认值。不同优化器合适的学习率本来就不同，这里各取一个合理的值，不是调到最优后的排名。
#
# 第一张图是等高线上的轨迹，第二张图是损失随步数的变化，最后单独核对每个优化器的第 1 步。每张图下面的 `assert` 就是这张图要说明的事实，任何一条不成立，构建就会失败。

# %%
import matplotlib.pyplot as plt
import torch

torch.set_default_dtype(torch.float64)  # 用 float64，便于和闭式公式逐位比较
h = torch.tensor([1.0, 50.0])  # 海森矩阵的对角线：w₁ 方向平缓，w₂ 方向陡峭
w0 = torch.tensor([-4.0, 1.5])
N = 120


def f(w):
    return 0.5 * (h * w**2).sum(-1)


optimizers = {
    "SGD": lambda p: torch.optim.SGD(p, lr=0.035),
    "SGD + 动量": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9),
    "AdaGrad": lambda p: torch.optim.Adagrad(p, lr=0.5),
    "RMSprop": lambda p: torch.optim.RMSprop(p, lr=0.05),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.3),
}

paths = {}
for name, make in optimizers.items():
    w = torch.nn.Parameter(w0.clone())  # 每个优化器都从同一点、全新的参数出发
    opt = make([w])
    path = [w0.clone()]
    for _ in range(N):
        opt.zero_grad()
        f(w).backward()
        opt.step()
        path.append(w.detach().clone())
    paths[name] = torch.stack(path)  # 形状 (N + 1, 2)：第 t 行是第 t 步之后的参数
losses = {name: f(path) for name, path in paths.items()}

W1, W2 = torch.meshgrid(
    torch.linspace(-4.6, 2.0, 200), torch.linspace(-1.8, 1.8, 200), indexing="xy"
)
fig, ax = plt.subplots(figsize=(6.4, 5.2))
ax.contour(
    W1, W2, f(torch.stack([W1, W2], -1)), levels=torch.logspace(-2, 2, 9), alpha=0.4, linewidths=0.8
)
for name, path in paths.items():
    if name == "AdaGrad":  # 与 RMSprop 几乎重合：画成底下一条宽的半透明线
        ax.plot(path[:, 0], path[:, 1], linewidth=5, alpha=0.4, label=name)
    else:
        ax.plot(path[:, 0], path[:, 1], marker="o", markersize=2, linewidth=1, label=name)
ax.plot(*w0, marker="s", color="C5", markersize=7)
ax.text(w0[0] + 0.1, w0[1] + 0.08, "起点", color="C5")
ax.plot(0, 0, marker="*", color="C5", markersize=13, linestyle="none", label="最小值")
ax.set(title="f(w) = ½(w₁² + 50·w₂²) 上的 120 步", xlabel="w₁（平缓方向）", ylabel="w₂（陡峭方向）")
ax.legend(loc="lower left", ncol=2)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - **SGD 走 Z 字形。** 梯度下降在每个坐标上各自是几何级数：$w_{1,t} = (1-\gamma)^t\, w_{1,0}$，$w_{2,t} = (1-50\gamma)^t\, w_{2,0} = (-0.75)^t\, w_{2,0}$。因子是负数，所以 $w_2$ 在 120 步里**每一步**都变号，在峡谷两壁之间来回跳。
# - **SGD 在平缓方向很慢。** 第 1 步的梯度是 $(-4, 75)$，几乎全部指向陡壁，SGD 的第 1 步几乎是竖直的。10 步后 $|w_2|$ 已缩小到原来的 $0.75^{10} < 6\%$，$w_1$ 却还剩 $0.965^{10} \approx 70\%$。
# - **动量像滚下山的小球。** 方向一致的 $w_1$ 分量越积越大：20 步后动量的 $w_1$ 已到 $-0.47$，SGD 还在 $-1.96$；随后它冲过谷底（第 24 步 $w_1 > 0$，最远到 0.6 左右）再折回来，绕着最小值转圈收敛。
# - **自适应方法第 1 步走对角线。** 梯度在两个坐标上相差约 19 倍，AdaGrad、RMSprop、Adam 的第 1 步在两个坐标上却走得一样远（方向是 $-\operatorname{sign}(g)$）：每个参数按自己梯度的大小缩放了步长。AdaGrad 和 RMSprop 的轨迹几乎重合，$w_2$ 一次也没有变号，沿一条弧线直接滑进谷底。

# %%
sgd = paths["SGD"]
t = torch.arange(N + 1)
torch.testing.assert_close(sgd[:, 0], w0[0] * (1 - 0.035) ** t)
torch.testing.assert_close(sgd[:, 1], w0[1] * (1 - 0.035 * 50) ** t)
assert (sgd[1:, 1] * sgd[:-1, 1] < 0).all()  # w₂ 每一步都变号：Z 字形
step = sgd[1] - sgd[0]
assert abs(step[1]) > 15 * abs(step[0])  # 第 1 步几乎竖直
assert abs(sgd[10, 1]) < 0.06 * abs(w0[1])  # 陡方向 10 步就缩到 6% 以下
assert abs(sgd[10, 0]) > 0.69 * abs(w0[0])  # 平缓方向 10 步后还剩约 70%

momentum = paths["SGD + 动量"]
assert momentum[20, 0] > -0.5 and sgd[20, 0] < -1.9  # 动量沿谷底跑得快得多
crossed = (momentum[:, 0] > 0).nonzero()
assert crossed[0].item() == 24 and 0.55 < momentum[:, 0].max() < 0.65  # 冲过谷底再折回
for name in ["AdaGrad", "RMSprop", "Adam"]:
    step = paths[name][1] - paths[name][0]
    torch.testing.assert_close(step.abs(), step.abs().flip(0))  # 两个坐标走得一样远
for name in ["AdaGrad", "RMSprop"]:
    assert (paths[name][:, 1] > 0).all()  # w₂ 从不变号
# AdaGrad 与 RMSprop 的轨迹几乎重合：120 步里两者相距始终不到 0.1（起点到最小值的距离约 4.3）
assert (paths["AdaGrad"] - paths["RMSprop"]).norm(dim=1).max() < 0.1
print("20 步后的 w₁：", {name: round(path[20, 0].item(), 2) for name, path in paths.items()})

# %%
fig, ax = plt.subplots(figsize=(6.4, 4.4))
for name, curve in losses.items():
    ax.semilogy(curve, label=name)
ax.set(title="损失随步数的变化", xlabel="步数 t", ylabel="f(wₜ)（对数坐标）")
ax.legend(loc="lower left", ncol=2)
fig.tight_layout()
plt.show()

# %% [markdown]
# 这张图上的事实：
#
# - 五个优化器都把损失从约 64 降到了原来的千分之一以下。
# - SGD 的损失**单调**下降，但后期是一条斜率固定的直线：陡方向早已收敛，剩下的损失几乎全在 $w_1$ 上，每步只乘 $(1-\gamma)^2 = 0.965^2 \approx 0.93$。学习率被陡方向限制在 $\gamma < 2/50$，平缓方向就只能这么慢，这正是条件数的代价。
# - 动量和 Adam 的损失曲线上下起伏（不单调），但 120 步后都比 SGD 低 5 倍以上，连最后 10 步里的最大值也比 SGD 的最终损失低。在曲率为 $h$ 的方向上，动量法满足 $w_{t+1} = (1 + \mu - \gamma h)\, w_t - \mu\, w_{t-1}$；只要 $\gamma h$ 落在 $\bigl((1-\sqrt\mu)^2, (1+\sqrt\mu)^2\bigr)$ 内（这里 $h = 1$ 和 $h = 50$ 都在），特征根是一对复数，模恰为 $\sqrt{\mu} \approx 0.949$：两个方向的振幅每步都乘这个数，与曲率无关。SGD 在平缓方向的因子 $1-\gamma = 0.965$ 更接近 1，条件数越大 SGD 越吃亏。
# - AdaGrad 和 RMSprop 在这里收敛得最快（120 步后的损失比其余三个都低）：这个函数的两个方向恰好是坐标轴，按坐标缩放步长正好把条件数“抹平”。把同一个峡谷旋转 45° 再跑一遍（下面的检查）：SGD 和动量的损失分毫不变，它们对旋转不变；AdaGrad、RMSprop 120 步后的损失反而比 SGD 还高，Adam 的损失也比轴对齐时高出十倍以上。所以这张图不能当成优化器的排名。

# %%
final = {name: curve[-1].item() for name, curve in losses.items()}
for name, curve in losses.items():
    assert curve[-1] < 1e-3 * curve[0], name  # 每个优化器都把损失降了三个数量级以上
sgd_loss = losses["SGD"]
assert (sgd_loss[1:] < sgd_loss[:-1]).all()  # SGD 单调下降
assert 0.5 * sgd[-1, 0] ** 2 > 0.99 * sgd_loss[-1]  # 剩下的损失几乎全在 w₁ 上
assert abs(sgd_loss[-1] / sgd_loss[-2] - 0.965**2) < 1e-6  # 后期每步乘 (1-γ)²
for name in ["SGD + 动量", "Adam"]:
    curve = losses[name]
    assert (curve[1:] > curve[:-1]).any()  # 有起伏，不单调
    assert curve[-1] < final["SGD"] / 5
    assert curve[-10:].max() < final["SGD"]
# 动量的轨迹满足 w_{t+1} = (1 + μ - γh) w_t - μ w_{t-1}，两个方向的特征根的模都是 √μ < 1 - γ
mu, lr_m = 0.9, 0.01
torch.testing.assert_close(momentum[2:], (1 + mu - lr_m * h) * momentum[1:-1] - mu * momentum[:-2])
for curvature in h.tolist():
    companion = torch.tensor([[1 + mu - lr_m * curvature, -mu], [1.0, 0.0]])
    roots = torch.linalg.eigvals(companion)
    assert (roots.imag.abs() > 0).all()  # 一对复根：振荡
    torch.testing.assert_close(roots.abs(), torch.full((2,), mu**0.5))
    assert roots.abs().max() < sgd[-1, 0] / sgd[-2, 0]  # 比 SGD 在平缓方向实测的每步因子 0.965 小
for name in ["AdaGrad", "RMSprop"]:
    others = [final[k] for k in ["SGD", "SGD + 动量", "Adam"]]
    assert final[name] < min(others), name  # 在这个轴对齐的峡谷里最快

# 把峡谷旋转 45°：f(w) = ½ wᵀ R diag(h) Rᵀ w，起点也跟着旋转
R = torch.tensor([[1.0, -1.0], [1.0, 1.0]]) / 2**0.5
H_rot = R @ torch.diag(h) @ R.T
rotated = {}
for name, make in optimizers.items():
    w = torch.nn.Parameter(R @ w0)
    opt = make([w])
    for _ in range(N):
        opt.zero_grad()
        (0.5 * w @ H_rot @ w).backward()
        opt.step()
    rotated[name] = (0.5 * w @ H_rot @ w).item()
for name in ["SGD", "SGD + 动量"]:  # 对旋转不变：损失与轴对齐时相同
    assert abs(rotated[name] / final[name] - 1) < 1e-9, name
for name in ["AdaGrad", "RMSprop"]:  # 按坐标缩放失效：比 SGD 还差
    assert rotated[name] > final["SGD"] and rotated[name] > 1000 * final[name], name
assert rotated["Adam"] > 10 * final["Adam"]
print("120 步后的损失：", {name: f"{value:.1e}" for name, value in final.items()})

# %% [markdown]
# ## 第 1 步：与手写公式对照
#
# 每个优化器的状态（动量缓冲区、梯度平方的累加或移动平均）都从 0 开始，所以第 1 步可以直接写出来。记 $g = \nabla f(w^{(0)}) = (-4, 75)$，PyTorch 的默认值是：RMSprop 的 $\alpha = 0.99$、$\epsilon = 10^{-8}$，AdaGrad 的 $\epsilon = 10^{-10}$，Adam 的 $\beta_1 = 0.9$、$\beta_2 = 0.999$、$\epsilon = 10^{-8}$。
#
# - SGD：$w^{(1)} = w^{(0)} - \gamma g$。动量的缓冲区第 1 步就等于 $g$，所以第 1 步与同样学习率的 SGD **完全相同**，动量要从第 2 步起才起作用。
# - AdaGrad：$s_1 = g^2$，$w^{(1)} = w^{(0)} - \gamma\, g / (\sqrt{s_1} + \epsilon) \approx w^{(0)} - \gamma\,\operatorname{sign}(g)$。
# - RMSprop：$v_1 = (1-\alpha)\, g^2$，没有偏差修正，$w^{(1)} = w^{(0)} - \gamma\, g / (\sqrt{v_1} + \epsilon) \approx w^{(0)} - 10\gamma\,\operatorname{sign}(g)$：第 1 步是学习率的 10 倍。
# - Adam：偏差修正后 $\hat m_1 = g$、$\hat v_1 = g^2$，$w^{(1)} = w^{(0)} - \gamma\, g / (\sqrt{\hat v_1} + \epsilon) \approx w^{(0)} - \gamma\,\operatorname{sign}(g)$：不管梯度多大，每个坐标都正好走 $\gamma$。

# %%
g = h * w0  # f 的梯度
torch.testing.assert_close(g, torch.tensor([-4.0, 75.0]))
m1, v1 = (1 - 0.9) * g, (1 - 0.999) * g**2  # Adam 的一阶、二阶矩（都从 0 开始）
m_hat, v_hat = m1 / (1 - 0.9), v1 / (1 - 0.999)  # t = 1 时的偏差修正
first_step = {
    "SGD": w0 - 0.035 * g,
    "SGD + 动量": w0 - 0.01 * g,
    "AdaGrad": w0 - 0.5 * g / ((g**2).sqrt() + 1e-10),
    "RMSprop": w0 - 0.05 * g / (((1 - 0.99) * g**2).sqrt() + 1e-8),
    "Adam": w0 - 0.3 * m_hat / (v_hat.sqrt() + 1e-8),
}
for name, expected in first_step.items():
    torch.testing.assert_close(paths[name][1], expected)
sign = torch.sign(g)
torch.testing.assert_close(paths["AdaGrad"][1], w0 - 0.5 * sign)
torch.testing.assert_close(paths["RMSprop"][1], w0 - 10 * 0.05 * sign)
torch.testing.assert_close(paths["Adam"][1], w0 - 0.3 * sign)
print("Adam 第 1 步的位移：", (paths["Adam"][1] - w0).tolist())
