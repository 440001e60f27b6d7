"""峰值信噪比 PSNR = 10·log10(MAX² / MSE)，单位 dB，越大越好；MAX 是像素的最大可能值
（[0, 1] 的浮点图像为 1，8 位图像为 255）。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def psnr(x: torch.Tensor, y: torch.Tensor, max_val: float) -> float:
    """定义：10·log10(MAX² / MSE)，MSE 用 PyTorch 的 F.mse_loss 算。"""
    mse = F.mse_loss(x, y).item()
    return 10 * math.log10(max_val**2 / mse) if mse > 0 else math.inf


def psnr_by_norm(x: torch.Tensor, y: torch.Tensor, max_val: float) -> float:
    """另一条路：不求 MSE，用误差向量的 L2 范数。MSE = ‖x − y‖² / N，
    所以 PSNR = 20·log10(MAX·√N / ‖x − y‖₂)。"""
    return 20 * math.log10(max_val * math.sqrt(x.numel()) / torch.linalg.vector_norm(x - y).item())


# 2×2 的灰度图，取值在 [0, 1]；重建图只有一个像素差了 0.1
x = torch.tensor([[0.2, 0.4], [0.6, 0.8]], dtype=torch.float64)
x_rec = torch.tensor([[0.2, 0.4], [0.6, 0.7]], dtype=torch.float64)
print(f"{psnr(x, x_rec, 1.0):.4f} dB")
# > 26.0206 dB

# 检查：手算 MSE = 0.1² / 4 = 0.0025，PSNR = 10·log10(1 / 0.0025) = 10·log10(400)
assert abs(F.mse_loss(x_rec, x).item() - 0.0025) < 1e-12
assert abs(psnr(x, x_rec, 1.0) - 10 * math.log10(400)) < 1e-9
# 检查：在随机图像上，经 MSE 和经 L2 范数两条路算出的 PSNR 一致
img = torch.rand(3, 32, 32, dtype=torch.float64)
noisy = (img + 0.05 * torch.randn_like(img)).clamp(0, 1)
assert abs(psnr(img, noisy, 1.0) - psnr_by_norm(img, noisy, 1.0)) < 1e-9
assert abs(psnr(x, x_rec, 1.0) - psnr_by_norm(x, x_rec, 1.0)) < 1e-9
# 检查：换成 8 位的 0～255 表示、MAX 取 255，PSNR 不变；MAX 取错了数值就全错
assert abs(psnr(255 * img, 255 * noisy, 255.0) - psnr(img, noisy, 1.0)) < 1e-9
assert psnr(255 * img, 255 * noisy, 1.0) < 0
# 检查：误差减半（MSE 变为 1/4），PSNR 增加 10·log10(4) ≈ 6.02 dB；完全相同时为无穷大
half = (img + noisy) / 2
assert abs(psnr(img, half, 1.0) - psnr(img, noisy, 1.0) - 10 * math.log10(4)) < 1e-9
assert psnr(x, x, 1.0) == math.inf
