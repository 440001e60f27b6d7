# %% [markdown]
# # 图解：激活函数及其导数
#
# 《[激活函数](../activation/)》一页用公式讲了饱和、零中心和 Dead ReLU，这里把五个常用激活函数画在一起：上图是函数本身，下图是导数。反向传播时每经过一层，梯度都要乘上这一层激活函数的导数，所以**导数的图比函数的图更重要**。
#
# 导数不是手推的：用 `torch.autograd` 对 PyTorch 自己的实现（`torch.sigmoid`、`F.gelu`…）求导，再和闭式公式对照。图下面的 `assert` 就是这张图要说明的事实，任何一条不成立，构建就会失败。

# %%
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

x = torch.linspace(-5, 5, 401, requires_grad=True)
activations = {
    "Sigmoid": torch.sigmoid,
    "Tanh": torch.tanh,
    "ReLU": F.relu,
    "Leaky ReLU (0.1)": lambda t: F.leaky_relu(t, 0.1),
    "GELU": F.gelu,
}

values, grads = {}, {}
for name, f in activations.items():
    y = f(x)
    (g,) = torch.autograd.grad(y.sum(), x)  # 逐元素函数：对和求导 = 逐点导数
    values[name], grads[name] = y.detach(), g

fig, (ax_f, ax_g) = plt.subplots(2, 1, figsize=(6.4, 7.2), sharex=True)
for name in activations:
    ax_f.plot(x.detach(), values[name], label=name)
    ax_g.plot(x.detach(), grads[name], label=name)
ax_f.set(title="激活函数 f(x)", ylim=(-1.5, 3))
ax_g.set(title="导数 f′(x)：反向传播时梯度要乘上它", xlabel="x", ylim=(-0.2, 1.2))
ax_g.axhspan(-0.2, 0.05, color="C3", alpha=0.08)
ax_g.text(1.2, -0.15, "导数接近 0：梯度消失区", color="C3")
ax_f.legend(loc="upper left")
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - Sigmoid 的导数 $\sigma'(x)=\sigma(x)\,(1-\sigma(x))$，最大值只有 $0.25$（在 $x=0$）；$|x|\ge 5$ 时已小于 $0.01$，这就是“饱和”。十层 Sigmoid 串起来（每层之前加一个偏置），反向传播时这十个导数连乘，梯度最多剩 $0.25^{10}\approx 9.5\times 10^{-7}$，只有每一层的输入恰好都是 0 时才取到这个上界；下面用 autograd 对这样一个十层网络求导来核对。
# - Tanh 的导数 $1-\tanh^2 x$ 最大值是 $1$，比 Sigmoid 好，但两端同样饱和。
# - ReLU 的导数在正半轴恒为 $1$（不衰减），负半轴恒为 $0$（Dead ReLU 的来源）；Leaky ReLU 在负半轴保留斜率 $0.1$。
# - GELU 在负半轴有一段小于 0 的导数，不是单调函数。

# %%
s = torch.sigmoid(x.detach())
torch.testing.assert_close(grads["Sigmoid"], s * (1 - s))
torch.testing.assert_close(grads["Tanh"], 1 - torch.tanh(x.detach()) ** 2)
assert abs(grads["Sigmoid"].max().item() - 0.25) < 1e-6
assert grads["Sigmoid"][x.detach().abs() >= 5].max() < 0.01
assert abs(grads["Tanh"].max().item() - 1.0) < 1e-6


# 十层 Sigmoid：h_k = σ(h_{k-1} + b_k)，b_1 = 0、其余 b_k = −1/2 时每层输入都是 0，梯度恰为 0.25^10
def sigmoid_chain(x0: torch.Tensor, biases: torch.Tensor) -> torch.Tensor:
    h = x0
    for b in biases:
        h = torch.sigmoid(h + b)
    return h


x0 = torch.zeros(1, dtype=torch.float64, requires_grad=True)
tight = torch.tensor([0.0] + [-0.5] * 9, dtype=torch.float64)
(g_tight,) = torch.autograd.grad(sigmoid_chain(x0, tight).sum(), x0)
assert g_tight.item() == 0.25**10
# 随机的输入和偏置（1000 组）：autograd 的梯度都不超过这个上界
torch.manual_seed(0)
x_rand = torch.randn(1000, dtype=torch.float64, requires_grad=True)
biases_rand = torch.randn(10, 1000, dtype=torch.float64) * 3
(g_rand,) = torch.autograd.grad(sigmoid_chain(x_rand, biases_rand).sum(), x_rand)
assert (g_rand > 0).all() and (g_rand <= 0.25**10).all()
positive, negative = x.detach() > 0, x.detach() < 0
assert (grads["ReLU"][positive] == 1).all() and (grads["ReLU"][negative] == 0).all()
leaky_neg = grads["Leaky ReLU (0.1)"][negative]
torch.testing.assert_close(leaky_neg, torch.full_like(leaky_neg, 0.1))
assert grads["GELU"].min() < 0  # GELU 非单调
print("Sigmoid 导数最大值：", round(grads["Sigmoid"].max().item(), 4))
print("Tanh 导数最大值：", round(grads["Tanh"].max().item(), 4))
