"""过拟合把抽样误差也拟合了进去：10 个带噪声的点配 9 次多项式，训练误差为 0，
在训练点上“拟合值 − 真实函数”恰好等于噪声。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, n = 0.3, 10


def f(x: torch.Tensor) -> torch.Tensor:
    return torch.sin(3 * x)  # 真实函数


def features(x: torch.Tensor, degree: int) -> torch.Tensor:
    return torch.stack([x**k for k in range(degree + 1)], dim=-1)  # 1, x, …, x^degree


x = torch.linspace(-1, 1, n)
eps = sigma * torch.randn(n)  # 这一次抽样的噪声（抽样误差）
y = f(x) + eps
x_test = torch.linspace(-1, 1, 1001)
y_test = f(x_test) + sigma * torch.randn(1001)  # 新数据：同一个函数，另一份噪声

results = {}
for degree in [3, 9]:
    w = torch.linalg.lstsq(features(x, degree), y).solution  # 最小二乘拟合
    fitted = features(x, degree) @ w
    train_mse = (fitted - y).pow(2).mean().item()
    test_mse = (features(x_test, degree) @ w - y_test).pow(2).mean().item()
    results[degree] = (fitted, train_mse, test_mse)
    print(f"{degree} 次：训练 MSE {round(train_mse, 3) + 0.0:.3f}，测试 MSE {test_mse:.3f}")
# > 3 次：训练 MSE 0.060，测试 MSE 0.132
# > 9 次：训练 MSE 0.000，测试 MSE 0.539

fitted9, train9, test9 = results[9]
# 检查 1：9 次多项式有 10 个系数，正好穿过 10 个点，训练误差为 0
assert train9 < 1e-20
# 检查 2：它在训练点上的拟合值 − 真实函数 = 噪声：抽样误差被原样“学”了进去
torch.testing.assert_close(fitted9 - f(x), eps)
# 检查 3：新数据上误差远大于噪声方差 σ²，也远大于 3 次多项式
assert test9 > 5 * sigma**2 and test9 > 3 * results[3][2]
# 检查 4：3 次多项式的训练误差、测试误差都在 σ² = 0.09 的一半到两倍之间
assert all(sigma**2 / 2 < mse < 2 * sigma**2 for mse in results[3][1:])
