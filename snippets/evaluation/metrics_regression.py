"""回归指标：MSE、RMSE、MAE、R² = 1 − SS_res / SS_tot。永远预测均值的 R² 恰为 0，
比均值还差时 R² 为负；MSE、MAE 与 F.mse_loss、F.l1_loss 一致。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def r2_score(y: torch.Tensor, y_hat: torch.Tensor) -> torch.Tensor:
    ss_res = ((y - y_hat) ** 2).sum()  # 残差平方和
    ss_tot = ((y - y.mean()) ** 2).sum()  # 总平方和：以均值作预测时的残差平方和
    return 1 - ss_res / ss_tot


y = torch.tensor([3.0, -0.5, 2.0, 7.0], dtype=torch.float64)
y_hat = torch.tensor([2.5, 0.0, 2.0, 8.0], dtype=torch.float64)
mse = ((y - y_hat) ** 2).mean()
rmse = mse.sqrt()  # 与 y 同单位
mae = (y - y_hat).abs().mean()
r2 = r2_score(y, y_hat)
print(f"MSE={mse:.4f} RMSE={rmse:.4f} MAE={mae:.4f} R2={r2:.4f}")
# > MSE=0.3750 RMSE=0.6124 MAE=0.5000 R2=0.9486

r2_mean = r2_score(y, torch.full_like(y, y.mean().item()))  # 永远预测均值 2.875
r2_bad = r2_score(y, y.flip(0))  # 把预测顺序弄反
r2_shift = r2_score(y, y + 5)  # 与真实值完全相关，只是整体偏了 5
print(f"{r2_mean:.4f} {r2_bad:.4f} {r2_shift:.4f}")
# > 0.0000 -0.5246 -2.4261

# 检查：与 PyTorch 的损失函数一致
torch.testing.assert_close(mse, F.mse_loss(y_hat, y))
torch.testing.assert_close(mae, F.l1_loss(y_hat, y))
# 检查：手算 SS_res = 0.25 + 0.25 + 0 + 1 = 1.5，SS_tot = 29.1875
torch.testing.assert_close(r2, torch.tensor(1 - 1.5 / 29.1875, dtype=torch.float64))
# 检查：R² = 1 − MSE / Var(y)（方差用 1/N，不做无偏修正）
torch.testing.assert_close(r2, 1 - mse / y.var(correction=0))
# 检查：均值预测器 R² = 0；比均值还差就是负数；完全相关但有偏移也可以是负数
assert abs(r2_mean) < 1e-12 and r2_bad < 0 and r2_shift < 0
assert torch.corrcoef(torch.stack([y, y + 5]))[0, 1] > 0.999999
# 检查：只有“带截距的最小二乘线性拟合”的 R² 才等于相关系数的平方
x = torch.randn(50, dtype=torch.float64)
y2 = 2 * x + 3 + 0.5 * torch.randn(50, dtype=torch.float64)
A = torch.stack([x, torch.ones(50, dtype=torch.float64)], dim=1)
coef = torch.linalg.lstsq(A, y2[:, None]).solution
r = torch.corrcoef(torch.stack([x, y2]))[0, 1]
torch.testing.assert_close(r2_score(y2, (A @ coef).squeeze(1)), r**2)
# 对照：同样的数据，不带截距的最小二乘（过原点）预测与 x 完全相关，R² 却是负数
slope = torch.linalg.lstsq(x[:, None], y2[:, None]).solution
assert r**2 > 0.9 and r2_score(y2, (x[:, None] @ slope).squeeze(1)) < 0
