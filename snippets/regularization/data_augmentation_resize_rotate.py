"""缩放、随机缩放裁剪、旋转与平移：F.interpolate 负责缩放，
F.affine_grid + F.grid_sample 负责任意仿射变换。90° 旋转与 torch.rot90 一致；
平移 1 个像素对应的归一化坐标取决于 align_corners。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
x = torch.rand(1, 3, 8, 8)  # (N, C, H, W)：grid_sample、interpolate 都要求带批维
N, C, H, W = x.shape

# 1) 缩放：最近邻放大 2 倍 = 每个像素在两个方向上各重复 2 次
x_up = F.interpolate(x, scale_factor=2, mode="nearest")

# 2) 随机缩放裁剪（Random Resized Crop）：随机取一块，再用双线性插值缩放回 H×W
h, w = torch.randint(4, H + 1, (2,)).tolist()
i, j = torch.randint(0, H - h + 1, (1,)).item(), torch.randint(0, W - w + 1, (1,)).item()
patch = x[:, :, i : i + h, j : j + w]
x_rrc = F.interpolate(patch, size=(H, W), mode="bilinear", align_corners=False)
print((h, w), (i, j), x_rrc.shape)
# > (8, 5) (0, 0) torch.Size([1, 3, 8, 8])


def affine(x: torch.Tensor, theta: torch.Tensor, align_corners: bool) -> torch.Tensor:
    """theta (2×3) 把输出像素的归一化坐标 (x, y) ∈ [-1, 1]² 映射到输入中的采样位置。"""
    grid = F.affine_grid(theta[None], x.shape, align_corners=align_corners)
    return F.grid_sample(
        x, grid, mode="bilinear", padding_mode="zeros", align_corners=align_corners
    )


def rotation(deg: float) -> torch.Tensor:
    t = math.radians(deg)
    return torch.tensor([[math.cos(t), -math.sin(t), 0.0], [math.sin(t), math.cos(t), 0.0]])


# 3) 旋转 30°：形状不变，转出画面的角落补 0
x_rot30 = affine(x + 1.0, rotation(30), align_corners=False)  # 先 +1，让“补的 0”看得出来

# 检查 1：最近邻放大与 repeat_interleave 一致；双线性插值是邻近像素的凸组合，不会超出原值范围
torch.testing.assert_close(x_up, x.repeat_interleave(2, dim=2).repeat_interleave(2, dim=3))
assert x_rrc.shape == x.shape
assert patch.min() - 1e-12 <= x_rrc.min() and x_rrc.max() <= patch.max() + 1e-12
# 检查 2：恒等变换还原；旋转 90° 与 torch.rot90(k=1) 一致，两种 align_corners 都成立（方形图像）
identity = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
for ac in (False, True):
    torch.testing.assert_close(affine(x, identity, ac), x)
    torch.testing.assert_close(affine(x, rotation(90), ac), torch.rot90(x, k=1, dims=(2, 3)))
# 检查 3：平移 1 个像素：align_corners=False 时归一化坐标移动 2/W，True 时移动 2/(W-1)
shift_left = torch.zeros_like(x)
shift_left[..., :-1] = x[..., 1:]  # 内容左移一格，最右一列补 0
for ac, step in ((False, 2 / W), (True, 2 / (W - 1))):
    theta = torch.tensor([[1.0, 0.0, step], [0.0, 1.0, 0.0]])
    torch.testing.assert_close(affine(x, theta, ac), shift_left)
# 检查 4：旋转 30° 后形状不变，角落是补出来的 0
assert x_rot30.shape == x.shape
assert (x_rot30[..., 0, 0] == 0).all() and (x_rot30[..., -1, -1] == 0).all()
# 检查 5：affine_grid 的坐标按宽、高各自归一化到 [-1, 1]，非方形图像上的“旋转矩阵”会拉伸图像：
# 方形图像转 90° 再转回来完全还原，4×8 的图像却还原不了（要先按宽高比修正 theta）
x_rect = torch.rand(1, 1, 4, 8)
back_sq = affine(affine(x, rotation(90), False), rotation(-90), False)
back_rect = affine(affine(x_rect, rotation(90), False), rotation(-90), False)
torch.testing.assert_close(back_sq, x)
assert not torch.allclose(back_rect, x_rect, atol=0.1)
