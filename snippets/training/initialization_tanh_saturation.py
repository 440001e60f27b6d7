"""10 层 tanh 网络：初始化太小，激活值和梯度一起缩向 0；太大，大部分单元饱和在 ±1，
而且梯度逐层放大，前后层相差几个数量级；Xavier（乘 tanh 的增益 5/3）两头都不出问题。"""

import math

import torch

torch.manual_seed(0)
# float64：权重很大的 tanh 网络处于“混沌”区，末位的舍入差异逐层放大；
# float32 下不同 CPU 算出的首/末梯度比会差 1% 以上
torch.set_default_dtype(torch.float64)

L, n, batch = 10, 256, 64
X = torch.randn(batch, n)


def run(weight_std: float) -> tuple[float, float, float, float]:
    """返回：最后一层激活值的标准差、|h| > 0.99 的比例、第 1 层权重梯度的范数、它与第 L 层之比。"""
    Ws = [(torch.randn(n, n) * weight_std).requires_grad_() for _ in range(L)]
    h = X
    for W in Ws:
        h = torch.tanh(h @ W.T)
    h.sum().backward()
    saturated = (h.abs() > 0.99).float().mean().item()
    g_first, g_last = Ws[0].grad.norm().item(), Ws[-1].grad.norm().item()
    return h.std().item(), saturated, g_first, g_first / g_last


configs = {
    "std=0.01": 0.01,
    "Xavier·5/3": 5 / 3 * math.sqrt(2 / (n + n)),
    "std=1": 1.0,
}
results = {name: run(std) for name, std in configs.items()}
for name, (std, saturated, g_first, ratio) in results.items():
    print(
        f"{name}: 输出std={std:.1e} 饱和={saturated:.0%} 首层梯度={g_first:.1e} 首/末={ratio:.1e}"
    )
# > std=0.01: 输出std=1.1e-08 饱和=0% 首层梯度=1.4e-04 首/末=9.7e-01
# > Xavier·5/3: 输出std=6.5e-01 饱和=1% 首层梯度=2.6e+03 首/末=2.9e+00
# > std=1: 输出std=9.7e-01 饱和=86% 首层梯度=6.2e+06 首/末=1.7e+04

small, xavier, large = results["std=0.01"], results["Xavier·5/3"], results["std=1"]
# 检查：太小：输出几乎为 0，首层梯度比 Xavier 小 10^6 倍以上
assert small[0] < 1e-6 and small[2] < 1e-6 * xavier[2]
# 检查：Xavier·5/3：输出标准差在 0.3 到 1 之间，饱和不到 5%，首末层梯度相差不到 10 倍
assert 0.3 < xavier[0] < 1 and xavier[1] < 0.05 and 0.1 < xavier[3] < 10
# 检查：太大：八成以上的单元饱和，首层梯度是末层的一万倍以上
assert large[1] > 0.8 and large[3] > 1e4
