"""训练误差偏乐观：线性回归（固定的 n×p 设计矩阵、模型设定正确）的期望训练误差是 σ²(1 − p/n)，
同一批输入上新观测的期望误差是 σ²(1 + p/n)，差距 2pσ²/n 随参数增多而变大、随样本增多而变小。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
sigma, R = 1.0, 4000  # 噪声标准差、重复抽噪声的次数


def simulate(n: int, p: int) -> tuple[float, float, float]:
    X = torch.randn(n, p)  # 固定的输入（设计矩阵）
    w_true = torch.randn(p)
    H = X @ torch.linalg.pinv(X)  # 帽子矩阵：拟合值 = H y
    y = X @ w_true + sigma * torch.randn(R, n)  # R 份训练标签，每份噪声不同
    w_hat = torch.linalg.lstsq(X, y.T).solution  # 一次解 R 个最小二乘，(p, R)
    fitted = (X @ w_hat).T  # (R, n)
    y_new = X @ w_true + sigma * torch.randn(R, n)  # 同一批输入上的新观测
    train_err = (y - fitted).pow(2).mean().item()
    test_err = (y_new - fitted).pow(2).mean().item()
    return train_err, test_err, torch.trace(H).item()


results = {}
for n, p in [(20, 2), (20, 10), (20, 18), (80, 10)]:
    train_err, test_err, _ = results[n, p] = simulate(n, p)
    gap = test_err - train_err
    print(f"n={n} p={p}：训练 {train_err:.3f}，新观测 {test_err:.3f}，差距 {gap:.3f}")
# > n=20 p=2：训练 0.896，新观测 1.106，差距 0.210
# > n=20 p=10：训练 0.503，新观测 1.497，差距 0.994
# > n=20 p=18：训练 0.102，新观测 1.890，差距 1.789
# > n=80 p=10：训练 0.873，新观测 1.127，差距 0.254

for (n, p), (train_err, test_err, trace_H) in results.items():
    # 检查：推导用到的事实，帽子矩阵的迹 = 参数个数 p
    assert abs(trace_H - p) < 1e-9
    # 检查：与闭式结果 σ²(1 − p/n)、σ²(1 + p/n)、2pσ²/n 一致（蒙特卡洛误差以内）
    assert abs(train_err / (sigma**2 * (1 - p / n)) - 1) < 0.05
    assert abs(test_err / (sigma**2 * (1 + p / n)) - 1) < 0.05
    assert abs((test_err - train_err) - 2 * p * sigma**2 / n) < 0.03 * sigma**2
