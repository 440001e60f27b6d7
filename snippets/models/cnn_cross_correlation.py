"""深度学习框架里的“卷积”其实是互相关：不翻转卷积核。"""

import numpy as np
import torch
import torch.nn.functional as F

x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
w = np.array([1.0, 0.0, -1.0])

# 数学上的卷积（NumPy 的 np.convolve）：先把卷积核翻转再滑动
conv_math = np.convolve(x, w, mode="valid")
print(conv_math)
# > [2. 2. 2.]

# PyTorch 的 conv1d：卷积核不翻转，直接滑动相乘求和，即互相关
X = torch.tensor(x).view(1, 1, -1)  # (N, C_in, L)
W = torch.tensor(w).view(1, 1, -1)  # (C_out, C_in, k)
corr_torch = F.conv1d(X, W).flatten()
print(corr_torch.numpy())
# > [-2. -2. -2.]

# 检查：互相关 = 用翻转后的卷积核做数学卷积，两者只差一次翻转
torch.testing.assert_close(F.conv1d(X, W.flip(-1)).flatten(), torch.tensor(conv_math))
# 检查：手写的互相关 y[i] = Σ_m w[m] x[i+m] 与 F.conv1d 一致
corr_hand = np.array([np.sum(w * x[i : i + 3]) for i in range(len(x) - 2)])
torch.testing.assert_close(corr_torch, torch.tensor(corr_hand))
