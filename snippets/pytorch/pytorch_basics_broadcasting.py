"""广播：两个形状从最后一维往前对齐，每一维要么相等、要么其中一个是 1（缺的维当作 1）；
结果等于先把两者 expand 到同一形状再逐元素运算，而 expand 并不复制数据。"""

import numpy as np
import torch

torch.manual_seed(0)

A = torch.randn(4, 1, 3)
b = torch.randn(5, 1)  # 对齐后看作 (1, 5, 1)
C = A + b
print(C.shape)
# > torch.Size([4, 5, 3])

# 手动广播：前面补 1 维，再把大小为 1 的维 expand 到目标大小
A_exp = A.expand(4, 5, 3)
b_exp = b.reshape(1, 5, 1).expand(4, 5, 3)
C_manual = A_exp + b_exp
print(b_exp.stride())  # 被扩展的维步长为 0：同一个元素被反复读取，没有复制
# > (0, 1, 0)

# 不兼容：最后一维 3 和 4 既不相等也不是 1
incompatible = False
try:
    torch.randn(2, 3) + torch.randn(4)
except RuntimeError:
    incompatible = True

# 常见陷阱：预测 (N, 1) 减标签 (N,)，得到 (N, N) 而不是 (N,)
y_pred = torch.randn(4, 1)
y = torch.randn(4)
diff = y_pred - y
print(diff.shape)
# > torch.Size([4, 4])

# 检查：广播的结果等于显式 expand 之后的逐元素运算
torch.testing.assert_close(C, C_manual)
# 检查：结果形状与 torch.broadcast_shapes、NumPy 的广播规则一致
assert (
    torch.broadcast_shapes((4, 1, 3), (5, 1)) == (4, 5, 3) == np.broadcast_shapes((4, 1, 3), (5, 1))
)
# 检查：expand 得到的是视图，和原张量共用同一块内存
assert b_exp.data_ptr() == b.data_ptr()
assert incompatible
# 检查：陷阱里 diff[i, j] = y_pred[i] - y[j]；正确写法是先把 y_pred 压成 (N,)
torch.testing.assert_close(diff, y_pred.expand(4, 4) - y.expand(4, 4))
assert (y_pred.squeeze(1) - y).shape == (4,)
