"""像素值上的增强：加高斯噪声、亮度、对比度，以及 Cutout（挖掉一块补 0）。都只是几行张量运算。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
x = torch.rand(3, 32, 32)  # 像素值在 [0, 1] 的图像 (C, H, W)
C, H, W = x.shape

# 1) 加性高斯噪声：x + σ·ε，ε ~ N(0, 1)；再截断回合法的像素范围
sigma = 0.05
noise = sigma * torch.randn_like(x)
x_noisy = (x + noise).clamp(0, 1)

# 2) 亮度：乘一个因子；对比度：向整张图的平均灰度收拢（c < 1）或远离（c > 1）
b, c = 1.3, 0.5
x_bright = (x * b).clamp(0, 1)
m = x.mean()
x_contrast = (x - m) * c + m  # c ∈ [0, 1] 时是 x 与 m 的凸组合，不会越界

# 3) Cutout（DeVries 与 Taylor 2017）：以随机点为中心挖掉一个 s×s 的正方形，允许部分落在图外
s = 12
cy, cx = torch.randint(0, H, (1,)).item(), torch.randint(0, W, (1,)).item()
y0, y1 = max(cy - s // 2, 0), min(cy + s // 2, H)
x0, x1 = max(cx - s // 2, 0), min(cx + s // 2, W)
x_cut = x.clone()
x_cut[:, y0:y1, x0:x1] = 0.0
print((cy, cx), (y1 - y0) * (x1 - x0))  # 中心靠近下边缘，只挖掉了 10×12 = 120 个位置
# > (28, 20) 120

# 检查 1：噪声的均值约为 0、标准差约为 σ；截断后像素仍在 [0, 1]
assert abs(noise.mean().item()) < 0.005 and abs(noise.std().item() - sigma) < 0.005
assert x_noisy.min() >= 0 and x_noisy.max() <= 1
# 检查 2：亮度：没被截断的像素恰好乘了 b
unclipped = x * b <= 1
torch.testing.assert_close(x_bright[unclipped], b * x[unclipped])
# 检查 3：对比度：平均值不变，标准差恰好乘以 c，仍在 [0, 1] 内
torch.testing.assert_close(x_contrast.mean(), m)
torch.testing.assert_close(x_contrast.std(), c * x.std())
assert x_contrast.min() >= 0 and x_contrast.max() <= 1
# 检查 4：Cutout 只改了那一块（被裁到图内的面积 × 通道数个像素），其余像素原样不动
changed = x_cut != x
assert changed.sum().item() == C * (y1 - y0) * (x1 - x0)
assert torch.equal(x_cut[~changed], x[~changed]) and x_cut.shape == x.shape
