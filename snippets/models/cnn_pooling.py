"""池化层：没有参数，缩小特征图，从而减少后面层的计算量和全连接层参数；对小平移有一定不变性。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

max_pool, avg_pool = nn.MaxPool2d(2), nn.AvgPool2d(2)  # 2×2 窗口，步幅默认等于窗口大小
X = torch.randn(1, 16, 32, 32)
P = max_pool(X)
print(tuple(P.shape))
# > (1, 16, 16, 16)

# 池化后接的 3×3 卷积：输入少 4 倍，乘加次数也少 4 倍
conv = nn.Conv2d(16, 32, 3, padding=1)
with FlopCounterMode(display=False) as before:
    conv(X)
with FlopCounterMode(display=False) as after:
    conv(P)
print(before.get_total_flops() // after.get_total_flops())
# > 4

# 池化后接 flatten + 全连接（10 类）：权重少 4 倍
fc_no_pool = nn.Linear(16 * 32 * 32, 10)
fc_pool = nn.Linear(16 * 16 * 16, 10)
print(fc_no_pool.weight.numel(), fc_pool.weight.numel())
# > 163840 40960

# 平移：亮点在同一个 2×2 窗口里移动，最大池化的输出不变；移出窗口，输出就变了
A = torch.zeros(1, 1, 4, 4)
B = torch.zeros(1, 1, 4, 4)
C = torch.zeros(1, 1, 4, 4)
A[..., 0, 0] = B[..., 1, 1] = C[..., 2, 1] = 1.0  # B 是 A 平移 (1, 1)，C 是 A 平移 (2, 1)

# 检查 1：池化层没有任何可学习参数
assert len(list(max_pool.parameters())) == len(list(avg_pool.parameters())) == 0
# 检查 2：最大/平均池化 = 每个不重叠的 2×2 窗口取最大值/平均值
windows = X.view(1, 16, 16, 2, 16, 2)  # (N, C, H/2, 2, W/2, 2)
torch.testing.assert_close(P, windows.amax(dim=(3, 5)))
torch.testing.assert_close(avg_pool(X), windows.mean(dim=(3, 5)))
# 检查 3：乘加次数 = H_out·W_out·C_out·C_in·k²（FlopCounterMode 把一次乘加记作 2 次运算）
assert before.get_total_flops() == 2 * 32 * 32 * 32 * 16 * 9
assert after.get_total_flops() == 2 * 16 * 16 * 32 * 16 * 9
# 检查 4：窗口内的小平移不改变输出，跨窗口的平移会改变输出
torch.testing.assert_close(F.max_pool2d(A, 2), F.max_pool2d(B, 2))
assert not torch.equal(F.max_pool2d(A, 2), F.max_pool2d(C, 2))
