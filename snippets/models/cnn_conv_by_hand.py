"""用循环手写多通道二维卷积（含步幅、填充、偏置），结果与 F.conv2d 一致。"""

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(0)


def conv2d_loops(
    X: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0
) -> np.ndarray:
    """X: (C_in, H, W)；W: (C_out, C_in, k_h, k_w)；b: (C_out,)。卷积核不翻转（互相关）。"""
    C_out, C_in, k_h, k_w = W.shape
    assert X.shape[0] == C_in  # 每个卷积核的通道数必须等于输入的通道数
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding)))  # 四周补 0
    H_out = (Xp.shape[1] - k_h) // stride + 1
    W_out = (Xp.shape[2] - k_w) // stride + 1
    Y = np.zeros((C_out, H_out, W_out))
    for o in range(C_out):  # 每个卷积核产生一个输出通道
        for i in range(H_out):
            for j in range(W_out):
                r, c = i * stride, j * stride
                patch = Xp[:, r : r + k_h, c : c + k_w]  # (C_in, k_h, k_w)，所有输入通道
                Y[o, i, j] = np.sum(patch * W[o]) + b[o]  # 逐元素相乘后全部相加
    return Y


X = rng.standard_normal((3, 7, 7))  # 3 个输入通道的 7×7 图
W = rng.standard_normal((4, 3, 3, 3))  # 4 个卷积核，每个 3×3×3
b = rng.standard_normal(4)

Y = conv2d_loops(X, W, b, stride=2, padding=1)
print(Y.shape)
# > (4, 4, 4)

# 检查：与 PyTorch 的 F.conv2d 逐元素一致（float64）
Y_torch = F.conv2d(
    torch.from_numpy(X)[None], torch.from_numpy(W), torch.from_numpy(b), stride=2, padding=1
)[0]
torch.testing.assert_close(torch.from_numpy(Y), Y_torch)
