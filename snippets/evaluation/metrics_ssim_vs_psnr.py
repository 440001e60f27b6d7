"""PSNR 只看 MSE，SSIM 看局部的亮度、对比度和结构。整体调亮 0.1 与加 ±0.1 的噪声 MSE 相同、
PSNR 相同，SSIM 却差很多。（简化版 SSIM：3×3 均匀窗口；原论文用 11×11 高斯窗口。）"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
C1, C2 = (0.01 * 1.0) ** 2, (0.03 * 1.0) ** 2  # K1 = 0.01、K2 = 0.03，动态范围 L = 1


def pool(t: torch.Tensor) -> torch.Tensor:
    """每个 3×3 窗口内取平均（步长 1，不补零）。"""
    return F.avg_pool2d(t[None, None], 3, stride=1)[0, 0]


def local_stats(x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """每个窗口的均值、方差、协方差。"""
    mu_x, mu_y = pool(x), pool(y)
    return mu_x, mu_y, pool(x * x) - mu_x**2, pool(y * y) - mu_y**2, pool(x * y) - mu_x * mu_y


def ssim(x: torch.Tensor, y: torch.Tensor) -> float:
    mu_x, mu_y, var_x, var_y, cov = local_stats(x, y)
    s = ((2 * mu_x * mu_y + C1) * (2 * cov + C2)) / (
        (mu_x**2 + mu_y**2 + C1) * (var_x + var_y + C2)
    )
    return s.mean().item()  # 所有窗口取平均（MSSIM）


def psnr(x: torch.Tensor, y: torch.Tensor) -> float:
    return 10 * math.log10(1.0 / F.mse_loss(x, y).item())


i, j = torch.meshgrid(torch.arange(8.0), torch.arange(8.0), indexing="ij")
x = (0.45 + 0.2 * torch.sin(i) * torch.cos(j)).double()  # 8×8 的“图像”，取值在 [0.25, 0.65]
brighter = x + 0.1  # 整体调亮：结构完全保留
noisy = x + 0.1 * (2 * torch.randint(0, 2, (8, 8)) - 1).double()  # 每个像素随机 ±0.1
print(f"PSNR: {psnr(x, brighter):.2f} {psnr(x, noisy):.2f}")
# > PSNR: 20.00 20.00
print(f"SSIM: {ssim(x, brighter):.4f} {ssim(x, noisy):.4f}")
# > SSIM: 0.9797 0.6376

# 检查：两种失真的 MSE 都是 0.01，PSNR 都是 20 dB
assert abs(psnr(x, brighter) - 20) < 1e-9 and abs(psnr(x, noisy) - 20) < 1e-9
# 检查：SSIM 区分得出来；与自己比较时 SSIM = 1，且 SSIM 对称
assert ssim(x, brighter) > ssim(x, noisy) + 0.2
assert abs(ssim(x, x) - 1) < 1e-12 and abs(ssim(x, noisy) - ssim(noisy, x)) < 1e-12
# 检查：闭式解。y = x + c 时每个窗口的方差、协方差都不变（σ_y² = σ_xy = σ_x²），
# 对比度–结构项恰为 1，SSIM 只剩亮度项 (2μ(μ + c) + C1) / (μ² + (μ + c)² + C1)，
# 只用窗口均值就能算出来
mu = pool(x)
closed = ((2 * mu * (mu + 0.1) + C1) / (mu**2 + (mu + 0.1) ** 2 + C1)).mean().item()
assert abs(ssim(x, brighter) - closed) < 1e-10
# 检查：局部统计量与另一种算法一致：F.unfold 取出每个 3×3 窗口，直接求均值和方差
patches_x = F.unfold(x[None, None], 3)[0]  # 每列是一个窗口的 9 个像素
patches_y = F.unfold(noisy[None, None], 3)[0]
mu_x, mu_y, var_x, _, cov = local_stats(x, noisy)
torch.testing.assert_close(mu_x.flatten(), patches_x.mean(dim=0))
torch.testing.assert_close(var_x.flatten(), patches_x.var(dim=0, correction=0))
cov_unfold = ((patches_x - patches_x.mean(0)) * (patches_y - patches_y.mean(0))).mean(0)
torch.testing.assert_close(cov.flatten(), cov_unfold)
