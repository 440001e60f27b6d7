"""顺序：先在原始像素（[0, 1]）上做增强，最后再标准化。反过来做，为像素设计的操作就变了味：
截断到 [0, 1] 会把标准化后所有的负值清零；“乘一个亮度因子”变成了绕 0 缩放，而不是调亮度。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
x = torch.rand(3, 16, 16)  # 原始像素，范围 [0, 1]
mean = torch.tensor([0.5, 0.5, 0.5])[:, None, None]  # 训练集上算好的每通道均值、标准差
std = torch.tensor([0.29, 0.29, 0.29])[:, None, None]
b = 1.2  # 亮度因子


def normalize(x: torch.Tensor) -> torch.Tensor:
    return (x - mean) / std


def brightness(x: torch.Tensor, b: float) -> torch.Tensor:
    return (x * b).clamp(0, 1)  # 为 [0, 1] 范围的像素设计的操作


right = normalize(brightness(x, b))  # 先增强，再标准化
wrong = brightness(normalize(x), b)  # 先标准化，再增强
neg_frac = (normalize(x) < 0).double().mean().item()
print(
    f"标准化后为负的比例 {neg_frac:.3f}，错误顺序下被清零的比例 {(wrong == 0).double().mean():.3f}"
)
# > 标准化后为负的比例 0.497，错误顺序下被清零的比例 0.497

# 检查 1：错误顺序下，标准化后所有为负的值都被截断成 0
assert ((wrong == 0) == (normalize(x) < 0)).all()
# 检查 2：不截断时也不一样：normalize(b·x) = b·normalize(x) + (b − 1)·mean/std，差一个平移
torch.testing.assert_close(normalize(b * x), b * normalize(x) + (b - 1) * mean / std)
assert not torch.allclose(right, wrong)
