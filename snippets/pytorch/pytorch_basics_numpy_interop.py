"""与 NumPy 互转：from_numpy 和 .numpy() 共享内存，torch.tensor 复制；
NumPy 默认 float64、torch 默认 float32，转过来的数组保持 float64，送进模型前要 .float()。"""

import numpy as np
import torch
from torch import nn

torch.manual_seed(0)

a = np.arange(3.0)  # NumPy 的浮点默认是 float64
t_shared = torch.from_numpy(a)  # 共享内存，dtype 跟着数组走
t_copy = torch.tensor(a)  # 复制一份
a[0] = 100.0  # 改 NumPy 数组
print(t_shared[0].item(), t_copy[0].item())
# > 100.0 0.0

t = torch.zeros(3)  # torch 的浮点默认是 float32
n = t.numpy()  # CPU 张量 → ndarray，共享内存
t.add_(1)  # 原地改张量
print(n)
# > [1. 1. 1.]

# 需要梯度的张量不能直接 .numpy()：先 detach()（GPU 张量还要先 .cpu()）
w = torch.ones(2, requires_grad=True)
numpy_failed = False
try:
    w.numpy()
except RuntimeError:
    numpy_failed = True
w_np = w.detach().numpy()

# float64 的数据送进 float32 的模型：dtype 不匹配报错
model = nn.Linear(3, 1)
X_np = np.random.default_rng(0).normal(size=(4, 3))
dtype_failed = False
try:
    model(torch.from_numpy(X_np))
except RuntimeError:
    dtype_failed = True
out = model(torch.from_numpy(X_np).float())

# 检查：from_numpy 与数组共享内存（同一地址），torch.tensor 是拷贝
assert t_shared.data_ptr() == a.ctypes.data and np.shares_memory(a, t_shared.numpy())
assert t_copy.data_ptr() != a.ctypes.data
assert torch.as_tensor(a).data_ptr() == a.ctypes.data  # as_tensor：能不复制就不复制
# 检查：.numpy() 与张量共享内存
assert np.shares_memory(n, t.numpy()) and n.tolist() == [1.0, 1.0, 1.0]
# 检查：默认 dtype 不同；从 NumPy 转来的张量保持 float64
assert a.dtype == np.float64 and t.dtype == torch.float32
assert t_shared.dtype == torch.float64 and t_copy.dtype == torch.float64
assert torch.tensor([0.5]).dtype == torch.float32  # Python 浮点数才用 torch 的默认类型
# 检查：requires_grad 的张量要先 detach；detach 后的数组仍共享内存
assert numpy_failed and np.shares_memory(w_np, w.detach().numpy())
# 检查：float64 输入让 float32 的模型报错，转成 float32 后正常
assert dtype_failed and out.shape == (4, 1) and out.dtype == torch.float32
