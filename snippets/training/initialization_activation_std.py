"""15 层 ReLU 网络的激活值标准差：He 初始化逐层基本不变；std=0.01 逐层缩小到几乎为 0；
std=1 逐层放大到天文数字；Xavier 用在 ReLU 上每层缩小到约 1/√2。"""

import math

import torch

torch.manual_seed(0)

L, n, batch = 15, 256, 64
X = torch.randn(batch, n)


def layer_stds(weight_std: float) -> list[float]:
    """逐层返回预激活 z = h·Wᵀ 的标准差（无偏置，h = ReLU(z)）。"""
    h, stds = X, []
    for _ in range(L):
        W = torch.randn(n, n) * weight_std
        z = h @ W.T
        stds.append(z.std().item())
        h = torch.relu(z)
    return stds


configs = {
    "He": math.sqrt(2 / n),
    "Xavier": math.sqrt(2 / (n + n)),
    "std=0.01": 0.01,
    "std=1": 1.0,
}
results = {name: layer_stds(std) for name, std in configs.items()}
for name, stds in results.items():
    print(name, " ".join(f"{stds[i]:.1e}" for i in [0, 4, 9, 14]))
# > He 1.4e+00 1.3e+00 1.1e+00 9.0e-01
# > Xavier 1.0e+00 2.5e-01 5.4e-02 8.1e-03
# > std=0.01 1.6e-01 2.4e-05 4.8e-10 8.9e-15
# > std=1 1.6e+01 2.4e+05 4.6e+10 8.8e+15

# 检查：He 初始化 15 层后标准差与第 1 层相差不到 2 倍
he = results["He"]
assert min(he) / he[0] > 0.5 and max(he) / he[0] < 2
# 检查：std=0.01 缩小 10^13 倍以上，std=1 放大 10^13 倍以上
assert results["std=0.01"][-1] / results["std=0.01"][0] < 1e-13
assert results["std=1"][-1] / results["std=1"][0] > 1e13
# 检查：每过一层标准差乘 c = √(n·Var(w)/2)，14 层后的比值与 c^14 相差不到 3 倍
for name, std in configs.items():
    c = math.sqrt(n * std**2 / 2)
    ratio = results[name][-1] / results[name][0]
    assert 1 / 3 < ratio / c**14 < 3, name
