"""im2col：用 F.unfold 把卷积变成一次矩阵乘法，结果与 F.conv2d 一致。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

N, C_in, H = 2, 3, 7  # 输入是 7×7 的正方形图
C_out, k, s, p = 4, 3, 2, 1
X = torch.randn(N, C_in, H, H)
W = torch.randn(C_out, C_in, k, k)
b = torch.randn(C_out)

# 每一列是一个感受野里的全部输入：C_in·k·k 个数；共 L = H_out·W_out 列
cols = F.unfold(X, kernel_size=k, padding=p, stride=s)
print(cols.shape)
# > torch.Size([2, 27, 16])

# 每个卷积核拉成一行：(C_out, C_in·k·k) @ (N, C_in·k·k, L) -> (N, C_out, L)
H_out = (H + 2 * p - k) // s + 1
Y = (W.view(C_out, -1) @ cols + b.view(1, C_out, 1)).view(N, C_out, H_out, H_out)
print(Y.shape)
# > torch.Size([2, 4, 4, 4])

# 检查：与 F.conv2d 一致
torch.testing.assert_close(Y, F.conv2d(X, W, b, stride=s, padding=p))
