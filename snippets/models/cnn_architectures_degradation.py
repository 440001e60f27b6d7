"""退化问题：加了批归一化的深普通网络，训练误差反而比浅网络高得多；加上残差连接就消失了。

5 组独立的数据和初始化 × 4 个学习率，一起放在批维上同时训练（每组各算各的，互不影响）。
"""

import math

import torch

torch.manual_seed(0)
N_SEEDS, LRS = 5, torch.tensor([0.001, 0.003, 0.01, 0.03])
K = len(LRS)  # 第 k 个学习率 × 第 s 组 → 批维上的第 k·N_SEEDS + s 个“网络”
WIDTH, N, STEPS = 16, 64, 60


def bn(h: torch.Tensor) -> torch.Tensor:
    """批归一化（训练模式，不带 γ、β）：每个特征在样本维上减均值、除标准差。"""
    var, mean = torch.var_mean(h, dim=1, correction=0, keepdim=True)
    return (h - mean) * torch.rsqrt(var + 1e-5)


def init(n_hidden: int, gen: torch.Generator) -> list[torch.Tensor]:
    """He 初始化；同一组的 4 个学习率用同一份初始权重。"""
    ws = [
        torch.randn(N_SEEDS, 4, WIDTH, generator=gen) * math.sqrt(2 / 4),
        torch.randn(N_SEEDS, n_hidden, WIDTH, WIDTH, generator=gen) * math.sqrt(2 / WIDTH),
        torch.randn(N_SEEDS, WIDTH, 1, generator=gen) * math.sqrt(1 / WIDTH),
    ]
    return [w.repeat(K, *[1] * (w.dim() - 1)).requires_grad_() for w in ws]


def forward(ws: list[torch.Tensor], X: torch.Tensor, residual: bool) -> torch.Tensor:
    w_in, w_hidden, w_out = ws
    h = torch.relu(bn(X @ w_in))
    if residual:  # 每两层一个残差块：h ← ReLU(h + BN(W₂·ReLU(BN(W₁·h))))
        for i in range(0, w_hidden.shape[1], 2):
            f = torch.relu(bn(h @ w_hidden[:, i]))
            h = torch.relu(h + bn(f @ w_hidden[:, i + 1]))
    else:
        for i in range(w_hidden.shape[1]):
            h = torch.relu(bn(h @ w_hidden[:, i]))
    return (h @ w_out).squeeze(-1)


def mse(ws, X, Y, residual) -> torch.Tensor:
    return ((forward(ws, X, residual) - Y) ** 2).mean(dim=1)  # 每个网络各自的训练 MSE


def train(n_hidden: int, residual: bool) -> torch.Tensor:
    """全批量 Adam 训练 STEPS 步，返回训练 MSE，形状 (学习率, 组)。"""
    ws = init(n_hidden, torch.Generator().manual_seed(1))
    state = [(torch.zeros_like(w), torch.zeros_like(w)) for w in ws]
    for t in range(1, STEPS + 1):
        grads = torch.autograd.grad(mse(ws, X, Y, residual).sum(), ws)
        with torch.no_grad():  # Adam（β₁ = 0.9，β₂ = 0.999），学习率按网络广播
            for w, g, (m, v) in zip(ws, grads, state, strict=True):
                m.lerp_(g, 0.1)
                v.mul_(0.999).addcmul_(g, g, value=0.001)
                lr = LRS.repeat_interleave(N_SEEDS).view(-1, *[1] * (w.dim() - 1))
                w -= lr * (m / (1 - 0.9**t)) / ((v / (1 - 0.999**t)).sqrt() + 1e-8)
    with torch.no_grad():
        return mse(ws, X, Y, residual).view(K, N_SEEDS)


# 数据：每组 64 个 4 维输入，目标是一个光滑函数（标准化到方差 1）
gen = torch.Generator().manual_seed(0)
X = torch.randn(N_SEEDS, N, 4, generator=gen)
Y = torch.sin(X @ torch.randn(N_SEEDS, 4, 3, generator=gen)).sum(-1)
Y = (Y - Y.mean(1, keepdim=True)) / Y.std(1, keepdim=True)
X, Y = X.repeat(K, 1, 1), Y.repeat(K, 1)

shallow = train(2, residual=False)  # 4 个权重层
plain = train(30, residual=False)  # 32 个权重层
resnet = train(30, residual=True)  # 32 个权重层 + 15 个残差连接
for name, loss in [
    ("浅的普通网络 (4 层)", shallow),
    ("深的普通网络 (32 层)", plain),
    ("深的残差网络 (32 层)", resnet),
]:
    best = loss.min(dim=0).values  # 每组取 4 个学习率里训练误差最小的
    n_low, n_high = (best < 2e-3).sum(), (best > 0.1).sum()
    print(f"{name}: 训练 MSE < 0.002 的有 {n_low}/5 组，> 0.1 的有 {n_high}/5 组")
# > 浅的普通网络 (4 层): 训练 MSE < 0.002 的有 5/5 组，> 0.1 的有 0/5 组
# > 深的普通网络 (32 层): 训练 MSE < 0.002 的有 0/5 组，> 0.1 的有 5/5 组
# > 深的残差网络 (32 层): 训练 MSE < 0.002 的有 5/5 组，> 0.1 的有 0/5 组


# 初始化时第一层权重的梯度范数：深的普通网络并没有梯度消失，反而比浅网络大两个数量级以上
def first_layer_grad(n_hidden: int, residual: bool) -> torch.Tensor:
    ws = init(n_hidden, torch.Generator().manual_seed(1))
    (g,) = torch.autograd.grad(mse(ws, X, Y, residual).sum(), ws[:1])
    return g[:N_SEEDS].flatten(1).norm(dim=1)


grad_ratio = first_layer_grad(30, False) / first_layer_grad(2, False)
print("初始化时，32 层普通网络首层梯度比 4 层的大 100 倍以上:", bool((grad_ratio > 100).all()))
# > 初始化时，32 层普通网络首层梯度比 4 层的大 100 倍以上: True

# 检查 1（退化）：每一组里，即使各自挑最好的学习率，32 层普通网络的训练误差
# 也比 4 层的高两个数量级以上；这是训练集上的误差，与过拟合无关
best_shallow, best_plain, best_res = (loss.min(dim=0).values for loss in (shallow, plain, resnet))
assert (best_plain > 100 * best_shallow).all()
# 而且不是某个学习率碰巧不合适：4 个学习率下 32 层普通网络的训练 MSE 全都超过 0.1
assert (plain > 0.1).all()

# 检查 2（残差连接）：同样 32 层、同样参数量，加上残差连接后训练误差回到浅网络的量级
assert (best_res < 2e-3).all() and (best_shallow < 2e-3).all()
assert (best_plain > 100 * best_res).all()

# 检查 3：深的普通网络初始化时首层梯度不是“消失”，而是比浅网络大 100 倍以上
assert (grad_ratio > 100).all()
