"""学习曲线：训练集从 12 个点增加到 320 个点。高方差模型（10 次多项式）的训练、验证误差向 σ² 靠拢，
差距不断缩小；高偏差模型（1 次）两者都停在 “最好的直线的误差 + σ²” 这个高位上，加数据没用。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, R = 0.3, 1000  # 噪声标准差；每个训练集大小重复 R 次取平均
sizes = [12, 16, 24, 40, 80, 160, 320]


def f(x: torch.Tensor) -> torch.Tensor:
    return torch.sin(3 * x + 0.5)  # 真实函数


def features(x: torch.Tensor, degree: int) -> torch.Tensor:
    return torch.special.legendre_polynomial_p(x.unsqueeze(-1), torch.arange(degree + 1))


x_val = torch.linspace(-1, 1, 101)
f_val = f(x_val)


def curve(degree: int) -> dict[str, torch.Tensor]:
    """对每个训练集大小 n：训练误差、验证误差、偏差²、方差（各是 R 个训练集上的平均）。"""
    out: dict[str, list[float]] = {"train": [], "val": [], "bias2": [], "var": []}
    for n in sizes:
        x = torch.linspace(-1, 1, n)
        y = f(x) + sigma * torch.randn(R, n)
        Phi = features(x, degree)
        coef = torch.linalg.lstsq(Phi, y.T).solution  # R 个训练集各拟合一次
        pred = (features(x_val, degree) @ coef).T  # (R, 101)
        y_val = f_val + sigma * torch.randn(R, len(x_val))
        out["train"].append(((Phi @ coef).T - y).pow(2).mean().item())
        out["val"].append((y_val - pred).pow(2).mean().item())
        out["bias2"].append((pred.mean(dim=0) - f_val).pow(2).mean().item())
        out["var"].append(pred.var(dim=0, unbiased=False).mean().item())
    return {k: torch.tensor(v) for k, v in out.items()}


s, c = curve(1), curve(10)  # 简单模型：1 次，2 个参数；复杂模型：10 次，11 个参数
print("   n   1 次：训练  验证    10 次：训练  验证")
for i, n in enumerate(sizes):
    print(
        f"{n:4d}  {s['train'][i]:.4f}  {s['val'][i]:.4f}    {c['train'][i]:.4f}  {c['val'][i]:.4f}"
    )
# >    n   1 次：训练  验证    10 次：训练  验证
# >   12  0.3615  0.3598    0.0073  0.4480
# >   16  0.3510  0.3480    0.0281  0.1598
# >   24  0.3449  0.3414    0.0491  0.1299
# >   40  0.3340  0.3353    0.0654  0.1138
# >   80  0.3303  0.3344    0.0776  0.1019
# >  160  0.3293  0.3326    0.0840  0.0964
# >  320  0.3272  0.3318    0.0867  0.0932

# 独立参照：高偏差模型的极限 = 最好的直线（在密集网格上对 f 做最小二乘）的误差 + σ²
x_dense = torch.linspace(-1, 1, 2001)
w_best = torch.linalg.lstsq(features(x_dense, 1), f(x_dense)).solution
plateau = (features(x_val, 1) @ w_best - f_val).pow(2).mean().item() + sigma**2
print(f"1 次多项式的平台：{plateau:.4f}")
# > 1 次多项式的平台：0.3324

n = torch.tensor(sizes, dtype=torch.float64)
# 检查 1（高方差）：训练误差一路上升、验证误差一路下降，差距单调缩小到原来的 2% 以下
gap = c["val"] - c["train"]
assert (c["train"].diff() > 0).all() and (c["val"].diff() < 0).all() and (gap.diff() < 0).all()
assert gap[-1] < 0.02 * gap[0] and c["val"][-1] < 1.1 * sigma**2
assert (c["train"] < sigma**2).all() and (c["val"] > sigma**2).all()  # σ² 夹在两条曲线之间
# 检查 2（高偏差）：n ≥ 40 后训练、验证误差都贴着平台，平台是 σ² 的 3 倍以上；加数据几乎没用
assert plateau > 3 * sigma**2
assert ((s["train"][3:] - plateau).abs() < 0.01).all() and (
    (s["val"][3:] - plateau).abs() < 0.01
).all()
assert s["val"][0] / s["val"][-1] < 1.1  # 数据多了 26 倍，验证误差只降了不到 10%
# 检查 3（为什么）：加数据只降方差，方差 ≈ σ²·p/n；偏差² 基本不随 n 变
for model, p in [(s, 2), (c, 11)]:
    ratio = model["var"][2:] * n[2:] / (sigma**2 * p)  # n ≥ 24
    assert ((ratio - 1).abs() < 0.1).all()
assert ((s["bias2"][2:] / (plateau - sigma**2) - 1).abs() < 0.03).all()
assert (c["bias2"] < 1e-3).all()
