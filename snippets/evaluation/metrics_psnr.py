"""峰值信噪比 PSNR = 10·log10(MAX² / MSE)，单位 dB，越大越好；MAX 是像素的最大可能值
（[0, 1] 的浮点图像为 1，8 位图像为 255）。"""

import math

import torch
import torch.nn.functional as F


def psnr(x: torch.Tensor, y: torch.Tensor, max_val: float) -> float:
    mse = ((x - y) ** 2).mean().item()
    return 10 * math.log10(max_val**2 / mse) if mse > 0 else math.inf


# 2×2 的灰度图，取值在 [0, 1]；重建图只有一个像素差了 0.1
x = torch.tensor([[0.2, 0.4], [0.6, 0.8]], dtype=torch.float64)
x_rec = torch.tensor([[0.2, 0.4], [0.6, 0.7]], dtype=torch.float64)
print(f"{psnr(x, x_rec, 1.0):.4f} dB")
# > 26.0206 dB

# 检查：手算 MSE = 0.1² / 4 = 0.0025，PSNR = 10·log10(400)；MSE 与 F.mse_loss 一致
assert abs(F.mse_loss(x_rec, x).item() - 0.0025) < 1e-12
assert abs(psnr(x, x_rec, 1.0) - 10 * math.log10(400)) < 1e-9
# 检查：等价写法 20·log10(MAX) − 10·log10(MSE)
assert abs(psnr(x, x_rec, 1.0) - (20 * math.log10(1.0) - 10 * math.log10(0.0025))) < 1e-9
# 检查：换成 8 位的 0～255 表示、MAX 取 255，PSNR 不变；MAX 取错了数值就全错
assert abs(psnr(255 * x, 255 * x_rec, 255.0) - psnr(x, x_rec, 1.0)) < 1e-9
assert psnr(255 * x, 255 * x_rec, 1.0) < 0
# 检查：误差减半（MSE 变为 1/4），PSNR 增加 10·log10(4) ≈ 6.02 dB；完全相同时为无穷大
x_half = (x + x_rec) / 2
assert abs(psnr(x, x_half, 1.0) - psnr(x, x_rec, 1.0) - 10 * math.log10(4)) < 1e-9
assert psnr(x, x, 1.0) == math.inf
