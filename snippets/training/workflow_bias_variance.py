"""偏差-方差分解：期望平方误差 = 偏差² + 方差 + 不可约噪声 σ²，不是“偏差 + 方差”。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, n, R = 0.3, 12, 4000  # 噪声标准差、每个训练集的样本数、重复抽训练集的次数
x_test = torch.linspace(-1, 1, 50)
f_test = torch.sin(3 * x_test)  # 真实函数 f(x) = sin(3x)


def features(x: torch.Tensor, degree: int) -> torch.Tensor:
    return torch.stack([x**k for k in range(degree + 1)], dim=-1)  # 多项式特征 1, x, …, x^degree


def decompose(degree: int) -> tuple[float, float, float]:
    # 独立抽 R 个训练集（输入固定在等距的 n 个点上，每次重抽噪声），各拟合一个多项式，在测试点上预测
    x = torch.linspace(-1, 1, n)
    y = torch.sin(3 * x) + sigma * torch.randn(R, n)
    coef = torch.linalg.lstsq(features(x, degree).expand(R, n, -1), y.unsqueeze(-1)).solution
    pred = (features(x_test, degree) @ coef).squeeze(-1)  # (R, 50)
    bias2 = (pred.mean(dim=0) - f_test).pow(2).mean().item()
    var = pred.var(dim=0, unbiased=False).mean().item()
    y_new = f_test + sigma * torch.randn(R, len(x_test))  # 测试点上新的带噪声观测
    err = (y_new - pred).pow(2).mean().item()
    return err, bias2, var


results = {}
for degree in [1, 3, 9]:
    err, bias2, var = results[degree] = decompose(degree)
    print(f"{degree} 次：误差 {err:.4f} ≈ 偏差² {bias2:.4f} + 方差 {var:.4f} + σ² {sigma**2:.2f}")
    # > 1 次：误差 0.2919 ≈ 偏差² 0.1874 + 方差 0.0143 + σ² 0.09
    # > 3 次：误差 0.1195 ≈ 偏差² 0.0042 + 方差 0.0257 + σ² 0.09
    # > 9 次：误差 0.2099 ≈ 偏差² 0.0001 + 方差 0.1204 + σ² 0.09

for err, bias2, var in results.values():
    # 检查 1：误差 = 偏差² + 方差 + σ²（蒙特卡洛估计，相对误差 3% 以内）
    assert abs(err / (bias2 + var + sigma**2) - 1) < 0.03
    # 检查 2：只算偏差² + 方差就对不上，差的正好是不可约噪声 σ²
    assert err - (bias2 + var) > 0.8 * sigma**2
# 检查 3：1 次（太简单）偏差占主导，9 次（太复杂、只有 12 个点）方差占主导，3 次误差最小
assert results[1][1] > 3 * results[1][2]
assert results[9][2] > 3 * results[9][1]
assert min(results, key=lambda k: results[k][0]) == 3
