"""卷积的反向传播。

对输入的梯度 = 上游梯度与翻转后的卷积核做“全”互相关；对权重的梯度 = 输入与上游梯度做互相关。
"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 7, 7, dtype=torch.float64, requires_grad=True)  # (N, C_in, H, W)
w = torch.randn(4, 3, 3, 3, dtype=torch.float64, requires_grad=True)  # (C_out, C_in, k, k)

# ---- 步幅 1、无填充：y 是 5×5 ----
b = torch.randn(4, dtype=torch.float64, requires_grad=True)
y = F.conv2d(x, w, b)
g = torch.randn_like(y)  # 上游梯度 ∂L/∂y
dx_auto, dw_auto, db_auto = torch.autograd.grad(y, (x, w, b), g)

# 对输入：四周补 k-1 = 2 圈零（“全”互相关，输出回到 7×7），卷积核上下、左右翻转，
# 并交换输入、输出通道两维：原来 C_in → C_out，现在 C_out → C_in
w_flipped = w.flip(2, 3).transpose(0, 1)  # (C_in, C_out, k, k)
dx_manual = F.conv2d(g, w_flipped, padding=2)
# 对权重：把批维当成通道维，让输入与上游梯度做互相关
dw_manual = F.conv2d(x.transpose(0, 1), g.transpose(0, 1)).transpose(0, 1)
print(tuple(g.shape), "→ ∂L/∂x", tuple(dx_manual.shape), "，∂L/∂W", tuple(dw_manual.shape))
# > (2, 4, 5, 5) → ∂L/∂x (2, 3, 7, 7) ，∂L/∂W (4, 3, 3, 3)

# ---- 步幅 2、填充 1：先在上游梯度的相邻元素之间插 s-1 = 1 个零，再做同样的全互相关 ----
y2 = F.conv2d(x, w, stride=2, padding=1)  # 7 → 4
g2 = torch.randn_like(y2)
(dx2_auto,) = torch.autograd.grad(y2, x, g2)
g2_dilated = torch.zeros(2, 4, 7, 7, dtype=torch.float64)  # (4-1)·2+1 = 7
g2_dilated[:, :, ::2, ::2] = g2
# 补 k-1-p = 1 圈零；(7 + 2·1 - 3) + 1 = 7，正好回到输入大小
dx2_manual = F.conv2d(g2_dilated, w_flipped, padding=1)

# 输入 8×8、不补零时 (8 - 3) / 2 除不尽：前向时输入的最后一行、一列没有被任何窗口用到，
# 插零后的梯度只有 5×5，末端还要多补 (n + 2p - k) mod s = 1 行、1 列零（对应 output_padding）
x3 = torch.randn(2, 3, 8, 8, dtype=torch.float64, requires_grad=True)
y3 = F.conv2d(x3, w, stride=2)  # 8 → 3
g3 = torch.randn_like(y3)
(dx3_auto,) = torch.autograd.grad(y3, x3, g3)
g3_dilated = torch.zeros(2, 4, 6, 6, dtype=torch.float64)
g3_dilated[:, :, :5:2, :5:2] = g3  # 最后一行、一列保持为零
dx3_manual = F.conv2d(g3_dilated, w_flipped, padding=2)  # 补 k-1-p = 2 圈：6 + 4 - 3 + 1 = 8

# 不翻转卷积核就不对（除非核本身中心对称）
dx_wrong = F.conv2d(g, w.transpose(0, 1), padding=2)
err_wrong = (dx_wrong - dx_auto).abs().max().item()
print(f"不翻转时与 autograd 的最大差: {err_wrong:.1f}")
# > 不翻转时与 autograd 的最大差: 21.4

# 检查 1：手写的两个梯度与 autograd 一致（float64）
torch.testing.assert_close(dx_manual, dx_auto)
torch.testing.assert_close(dw_manual, dw_auto)
torch.testing.assert_close(g.sum((0, 2, 3)), db_auto)  # 对偏置：在批和空间维上求和
# 检查 2：步幅 2 时“插零 + 全互相关”同样与 autograd 一致
torch.testing.assert_close(dx2_manual, dx2_auto)
torch.testing.assert_close(dx3_manual, dx3_auto)  # 除不尽时末端多补的零
# 没用到的最后一行、一列梯度为零
assert (dx3_auto[:, :, -1] == 0).all() and (dx3_auto[:, :, :, -1] == 0).all()
# 检查 3：对输入的梯度正是转置卷积（conv_transpose2d）用同一个权重作用在上游梯度上
torch.testing.assert_close(F.conv_transpose2d(g, w), dx_auto)
torch.testing.assert_close(F.conv_transpose2d(g2, w, stride=2, padding=1), dx2_auto)
convT3 = F.conv_transpose2d(g3, w, stride=2, output_padding=1)
torch.testing.assert_close(convT3, dx3_auto)
# 检查 4：不翻转卷积核的版本是错的
assert err_wrong > 1
