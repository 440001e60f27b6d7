"""只用张量运算实现两种最常用的图像增强：水平翻转（torch.flip）和“补边 + 随机裁剪”（平移）。
形状不变；翻转两次还原；裁剪结果是补边图像的一个子窗口；分割掩码、检测框要跟着一起变换。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.rand(3, 8, 8)  # 一张 3 通道、8×8 的“图像”，形状 (C, H, W)
C, H, W = x.shape

# 1) 水平翻转：沿宽度维（最后一维）倒序
x_flip = torch.flip(x, dims=[-1])
mask = (torch.rand(H, W) > 0.5).long()  # 分割任务的逐像素标签
mask_flip = torch.flip(mask, dims=[-1])  # 标签必须做同样的变换
box = torch.tensor([1.0, 2.0, 4.0, 6.0])  # 检测框 (x1, y1, x2, y2)，以像素边界为坐标
box_flip = torch.tensor([W - box[2], box[1], W - box[0], box[3]])  # 左右互换、x → W - x

# 2) 随机裁剪：四周各补 pad 个 0，再随机取一个 H×W 的窗口，相当于随机平移 [-pad, pad] 个像素
pad = 2
x_pad = F.pad(x, (pad, pad, pad, pad))  # 顺序是（左，右，上，下）
i, j = torch.randint(0, 2 * pad + 1, (2,)).tolist()  # 窗口左上角，共 (2·pad+1)² 种位置
x_crop = x_pad[:, i : i + H, j : j + W]
print(x_pad.shape, (i, j), x_crop.shape)
# > torch.Size([3, 12, 12]) (2, 3) torch.Size([3, 8, 8])

# 检查 1：翻转 = 把列的下标倒过来；翻转两次还原；形状不变
torch.testing.assert_close(x_flip, x[:, :, torch.arange(W - 1, -1, -1)])
assert torch.equal(torch.flip(x_flip, dims=[-1]), x) and x_flip.shape == x.shape
# 检查 2：翻转后的掩码仍与像素对齐；翻转后检测框里的像素正是原框里像素的镜像
assert torch.equal(mask_flip[:, 0], mask[:, -1])
x1, y1, x2, y2 = box.long().tolist()
fx1, _, fx2, _ = box_flip.long().tolist()
assert torch.equal(x_flip[:, y1:y2, fx1:fx2], torch.flip(x[:, y1:y2, x1:x2], dims=[-1]))
# 检查 3：裁剪结果形状不变，是补边图像的子窗口；窗口取在正中时就是原图
assert x_crop.shape == x.shape
assert torch.equal(x_pad[:, pad : pad + H, pad : pad + W], x)
# 检查 4：裁剪 = 把原图平移 (pad-i, pad-j) 个像素、移出画面的部分补 0：逐像素按下标算一遍
r = torch.arange(H)[:, None] + i - pad  # 输出第 r 行来自原图的哪一行
c = torch.arange(W)[None, :] + j - pad
inside = (r >= 0) & (r < H) & (c >= 0) & (c < W)
shifted = torch.where(inside, x[:, r.clamp(0, H - 1), c.clamp(0, W - 1)], 0.0)
assert torch.equal(x_crop, shifted)
