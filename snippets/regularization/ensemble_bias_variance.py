"""Bagging 主要降方差，Boosting 主要降偏差：在 200 个独立训练集上估计偏差² 与方差。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 真实函数 sin(3x)，噪声标准差 0.3；每个训练集 30 个点（x 固定，噪声重新抽）
n, D, B, sigma = 30, 200, 20, 0.3
x = torch.linspace(-1, 1, n)
x_test = torch.linspace(-0.95, 0.95, 48)
f_test = torch.sin(3 * x_test)
Y = torch.sin(3 * x) + sigma * torch.randn(D, n)  # D 个训练集的标签
ones = torch.ones(D, n)
# 自助采样：counts[d, b, i] = 第 d 个训练集的第 b 次自助采样里第 i 个点被抽中的次数
idx = torch.randint(0, n, (D, B, n))
counts = torch.zeros(D, B, n).scatter_add_(2, idx, torch.ones(D, B, n))
Y_rep = Y[:, None, :].expand(D, B, n)


def fit_stump(r: torch.Tensor, c: torch.Tensor) -> tuple:
    """回归树桩：在相邻 x 之间选一个切分点，两侧各预测加权均值，使加权平方误差最小。"""
    SL, NL = (c * r).cumsum(-1)[..., :-1], c.cumsum(-1)[..., :-1]  # 左侧的加权和、权重和
    SR, NR = (c * r).sum(-1, keepdim=True) - SL, c.sum(-1, keepdim=True) - NL
    # 平方误差 = Σ c r² - (SL²/NL + SR²/NR)，所以最大化后一项；一侧没有点的切分无效
    gain = torch.where((NL > 0) & (NR > 0), SL**2 / NL + SR**2 / NR, -torch.inf)
    i = gain.argmax(-1, keepdim=True)
    return (
        (x[i] + x[i + 1]) / 2,
        SL.gather(-1, i) / NL.gather(-1, i),
        SR.gather(-1, i) / NR.gather(-1, i),
    )


def stump_predict(stump: tuple, xq: torch.Tensor) -> torch.Tensor:
    theta, left, right = stump
    return torch.where(xq <= theta, left, right)


def nn1_predict(Yb: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
    """1 近邻回归：取抽中的点里离测试点最近的那个的标签。"""
    dist = (x_test[:, None] - x[None, :]).abs()
    j = torch.where(c[..., None, :] > 0, dist, torch.inf).argmin(-1)
    return Yb.gather(-1, j)


def boost(checkpoints: tuple[int, ...], nu: float = 0.3) -> list[torch.Tensor]:
    """梯度提升（平方损失）：每轮用树桩拟合残差 y - F，乘学习率 ν 加进模型；记下若干轮时的预测。"""
    F, G, out = torch.zeros(D, n), torch.zeros(D, len(x_test)), []  # 训练点、测试点上的预测
    for t in range(1, max(checkpoints) + 1):
        stump = fit_stump(Y - F, ones)
        F, G = F + nu * stump_predict(stump, x), G + nu * stump_predict(stump, x_test)
        if t in checkpoints:
            out.append(G)
    return out


def bias2_var(P: torch.Tensor) -> tuple[float, float]:
    """P: (D, 测试点)。偏差² = (平均预测 - 真值)²，方差 = 预测在训练集之间的方差；
    两者都对测试点取平均。"""
    return ((P.mean(0) - f_test) ** 2).mean().item(), P.var(0, unbiased=False).mean().item()


ROUNDS = (3, 30, 300)
preds = {
    "1 近邻": nn1_predict(Y, ones),
    "1 近邻 + Bagging": nn1_predict(Y_rep, counts).mean(1),  # 20 个自助模型取平均
    "树桩": stump_predict(fit_stump(Y, ones), x_test),
    "树桩 + Bagging": stump_predict(fit_stump(Y_rep, counts), x_test).mean(1),
}
for r, G in zip(ROUNDS, boost(ROUNDS), strict=True):
    preds[f"树桩 + Boosting {r} 轮"] = G
bv = {name: bias2_var(P) for name, P in preds.items()}
for name, (b2, var) in bv.items():
    print(f"{name}：偏差² {b2:.4f}，方差 {var:.4f}")
# > 1 近邻：偏差² 0.0020，方差 0.0877
# > 1 近邻 + Bagging：偏差² 0.0007，方差 0.0442
# > 树桩：偏差² 0.0500，方差 0.0465
# > 树桩 + Bagging：偏差² 0.0498，方差 0.0234
# > 树桩 + Boosting 3 轮：偏差² 0.1227，方差 0.0093
# > 树桩 + Boosting 30 轮：偏差² 0.0069，方差 0.0265
# > 树桩 + Boosting 300 轮：偏差² 0.0017，方差 0.0505

# 检查 1：分解恒等式 平均平方误差（对真值）= 偏差² + 方差
for name, P in preds.items():
    mse_to_f = ((P - f_test) ** 2).mean().item()
    torch.testing.assert_close(mse_to_f, sum(bv[name]))

# 检查 2：向量化的树桩与逐个切分点暴力计算的结果一致（第 0 个训练集）
sse = [
    ((Y[0] - torch.where(x <= t, Y[0][x <= t].mean(), Y[0][x > t].mean())) ** 2).sum()
    for t in x[:-1]
]
theta_brute = (x[torch.stack(sse).argmin()] + x[torch.stack(sse).argmin() + 1]) / 2
torch.testing.assert_close(fit_stump(Y[:1], ones[:1])[0].squeeze(), theta_brute)

# 检查 3：Bagging 把低偏差、高方差的 1 近邻的方差降了将近一半，偏差² 仍然很小
assert bv["1 近邻 + Bagging"][1] < 0.6 * bv["1 近邻"][1] and bv["1 近邻 + Bagging"][0] < 0.005
# 检查 4：Bagging 把树桩的方差也降了约一半，偏差²却几乎不变（变化不到 5%）；
# Boosting 30 轮把偏差²降到原来的约 1/7（1/8 到 1/6 之间）
assert bv["树桩 + Bagging"][1] < 0.6 * bv["树桩"][1]
assert abs(bv["树桩 + Bagging"][0] / bv["树桩"][0] - 1) < 0.05
assert 6 < bv["树桩"][0] / bv["树桩 + Boosting 30 轮"][0] < 8
# 检查 5：Boosting 轮数越多偏差越小、方差越大（轮数太多会过拟合，要早停或验证集选轮数）
b2s = [bv[f"树桩 + Boosting {r} 轮"][0] for r in ROUNDS]
vars_ = [bv[f"树桩 + Boosting {r} 轮"][1] for r in ROUNDS]
assert b2s[0] > b2s[1] > b2s[2] and vars_[0] < vars_[1] < vars_[2]
assert vars_[2] > bv["树桩"][1]  # 300 轮时方差已经超过单个树桩
