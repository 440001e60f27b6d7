"""mini-batch 梯度是全量梯度的无偏估计：一个 epoch 里各 batch 梯度的平均就是全量梯度；
batch 越大，估计的方差越小，大约按 1/B 下降。"""

import itertools

import torch
import torch.nn.functional as F

torch.manual_seed(0)

N, d = 1000, 3
X = torch.randn(N, d)
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.5 * torch.randn(N)
w = torch.zeros(d, requires_grad=True)  # 当前参数


def grad_on(idx: torch.Tensor) -> torch.Tensor:
    """在样本子集 idx 上算均方误差对 w 的梯度。"""
    (g,) = torch.autograd.grad(F.mse_loss(X[idx] @ w, y[idx]), w)
    return g


g_full = grad_on(torch.arange(N))  # 全量梯度（批量梯度下降用的就是它）

# 一个 epoch：打乱后切成 100 个大小为 10 的 batch，各 batch 梯度取平均
perm = torch.randperm(N)
g_epoch = torch.stack([grad_on(idx) for idx in perm.split(10)]).mean(dim=0)

# 单个样本的梯度 2 (x·w - y) x；它们对全量梯度的平均偏差给出噪声大小
G = 2 * (X @ w.detach() - y)[:, None] * X
s2 = ((G - g_full) ** 2).sum(dim=1).mean()


def noise(B: int, trials: int = 2000) -> float:
    """随机抽 trials 个大小为 B 的 batch（不放回），梯度与全量梯度的均方距离。
    batch 梯度就是 batch 内单样本梯度的平均，用 G 一次算完所有 batch。"""
    idx = torch.rand(trials, N).argsort(dim=1)[:, :B]  # 每行是一个随机 batch
    gs = G[idx].mean(dim=1)
    return ((gs - g_full) ** 2).sum(dim=1).mean().item()


def noise_formula(B: int) -> float:
    """不放回抽样的理论值：(N - B) / (B (N - 1)) × 单样本梯度的方差。"""
    return (N - B) / (B * (N - 1)) * s2.item()


noise_10, noise_100 = noise(10), noise(100)
print(f"{noise_formula(10):.3f} {noise_formula(100):.3f}")
# > 9.367 0.852

# 检查：单样本梯度的平均 = 全量梯度（autograd 算的）；batch 梯度同理
torch.testing.assert_close(G.mean(dim=0), g_full)
torch.testing.assert_close(G[perm[:10]].mean(dim=0), grad_on(perm[:10]))
# 检查：一个 epoch 内各 batch 梯度的平均 = 全量梯度（batch 大小相同时）
torch.testing.assert_close(g_epoch, g_full)
# 小数据上可以枚举全部 batch：N = 12、B = 4 共 C(12, 4) = 495 种，精确算出噪声的期望
N_small, B_small = 12, 4
G_small = G[:N_small].double()
g_small = G_small.mean(dim=0)
s2_small = ((G_small - g_small) ** 2).sum(dim=1).mean()
exact = torch.stack(
    [
        ((G_small[list(batch)].mean(dim=0) - g_small) ** 2).sum()
        for batch in itertools.combinations(range(N_small), B_small)
    ]
).mean()

# 检查：枚举得到的期望恰好等于不放回抽样的公式 (N − B)/(B(N − 1))·σ²，而不是 σ²/B
formula_small = (N_small - B_small) / (B_small * (N_small - 1)) * s2_small
torch.testing.assert_close(exact, formula_small)
assert abs(exact / (s2_small / B_small) - 1) > 0.2
# 检查：N = 1000 时随机抽 2000 个 batch，测得的梯度噪声与公式相差不到 10%
for B, measured in ((10, noise_10), (100, noise_100)):
    assert abs(measured / noise_formula(B) - 1) < 0.1, (B, measured, noise_formula(B))
# 检查：batch 从 10 增大到 100，噪声约降到 1/11（(N-B)/B 从 99 降到 9）
assert 9.5 < noise_10 / noise_100 < 13
