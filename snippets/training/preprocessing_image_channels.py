"""图像预处理：像素 0–255 先除以 255 变成 [0, 1]，再按通道减均值、除以标准差。
每个通道的统计量在 (N, H, W) 三个维度上算，与 eval 模式的 BatchNorm2d 是同一个运算。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 8 张 3 通道 16×16 的“图片”，像素是 0–255 的整数（uint8），形状 (N, C, H, W)
images = torch.randint(0, 256, (8, 3, 16, 16), dtype=torch.uint8)
X = images.float() / 255  # 和手写数字识别的例子一样：0–255 → [0, 1]

# 每个通道一个均值、一个标准差：在 N、H、W 三个维度上统计
mean = X.mean(dim=(0, 2, 3))
std = X.std(dim=(0, 2, 3), correction=0)
X_norm = (X - mean[None, :, None, None]) / std[None, :, None, None]
print(mean.shape, X_norm.shape)
# > torch.Size([3]) torch.Size([8, 3, 16, 16])

# 手算：逐个通道把这个通道的所有像素拉平再统计
mean_hand = torch.stack([X[:, c].flatten().mean() for c in range(3)])
std_hand = torch.stack([X[:, c].flatten().std(correction=0) for c in range(3)])

# 常见写法 Normalize(mean=0.5, std=0.5)：(x - 0.5) / 0.5 = 2x - 1，把 [0, 1] 变成 [-1, 1]
X_pm1 = (X - 0.5) / 0.5

# 逆变换：乘标准差、加均值、乘 255，还原成原来的整数像素
restored = ((X_norm * std[None, :, None, None] + mean[None, :, None, None]) * 255).round()

# 检查：/255 之后在 [0, 1] 内
assert X.min() >= 0 and X.max() <= 1
# 检查：按通道的统计量与手算、torch.std_mean 一致
torch.testing.assert_close(mean, mean_hand)
torch.testing.assert_close(std, std_hand)
std_ref, mean_ref = torch.std_mean(X, dim=(0, 2, 3), correction=0)
torch.testing.assert_close(mean, mean_ref)
torch.testing.assert_close(std, std_ref)
# 检查：归一化后每个通道均值 0、标准差 1
torch.testing.assert_close(X_norm.mean(dim=(0, 2, 3)), torch.zeros(3), atol=1e-5, rtol=0)
torch.testing.assert_close(X_norm.std(dim=(0, 2, 3), correction=0), torch.ones(3))
# 检查：与 eval 模式、用同样统计量的 F.batch_norm 和 nn.BatchNorm2d（不带 γ、β）一致
torch.testing.assert_close(X_norm, F.batch_norm(X, mean, std**2, training=False, eps=0.0))
bn = nn.BatchNorm2d(3, affine=False, eps=0.0).eval()
bn.running_mean.copy_(mean)
bn.running_var.copy_(std**2)
torch.testing.assert_close(X_norm, bn(X))
# 检查：Normalize(0.5, 0.5) 就是 mean=0.5、var=0.25 的逐通道标准化
# （与 eval 模式的 F.batch_norm 一致），
# 也等于按 min=0、max=255 做的 [-1, 1] min-max 缩放：像素 0 → -1，255 → 1
half = torch.full((3,), 0.5)
torch.testing.assert_close(X_pm1, F.batch_norm(X, half, half**2, training=False, eps=0.0))
torch.testing.assert_close(X_pm1, 2 * (images.float() - 0) / (255 - 0) - 1)
assert X_pm1[images == 0].eq(-1).all() and X_pm1[images == 255].eq(1).all()
assert (images == 0).any() and (images == 255).any()
# 检查：逆变换还原出原始的整数像素
assert torch.equal(restored.to(torch.uint8), images)
