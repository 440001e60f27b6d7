"""池化的反向传播：最大池化只传给窗口里的最大值，平均池化平均分给窗口；窗口重叠时梯度相加。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

X = torch.randn(1, 1, 4, 4, requires_grad=True)
G = torch.randn(1, 1, 2, 2)  # 从上一层传回来的梯度 ∂L/∂Y

# 最大池化
Y, idx = F.max_pool2d(X, 2, return_indices=True)  # idx：每个窗口最大值在输入里的位置
(grad_max,) = torch.autograd.grad(Y, X, G)
print(grad_max[0, 0].ne(0).int().tolist())
# > [[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 1, 1, 0]]

# 平均池化
(grad_avg,) = torch.autograd.grad(F.avg_pool2d(X, 2), X, G)

# 检查 1：最大池化的梯度 = 把 G 放回各窗口最大值的位置，其余位置为 0
torch.testing.assert_close(grad_max, F.max_unpool2d(G, idx, 2))
# 检查 2：每个 2×2 窗口恰好一个非零梯度，就在最大值处
windows = grad_max.detach().view(2, 2, 2, 2).permute(0, 2, 1, 3).reshape(4, 4)
assert windows.ne(0).sum(dim=1).tolist() == [1, 1, 1, 1]
X_windows = X.detach().view(2, 2, 2, 2).permute(0, 2, 1, 3).reshape(4, 4)
assert torch.equal(windows.abs().argmax(dim=1), X_windows.argmax(dim=1))
# 检查 3：平均池化的梯度 = G / 4 复制到窗口里的每个位置
G_up = G.repeat_interleave(2, dim=2).repeat_interleave(2, dim=3)
torch.testing.assert_close(grad_avg, G_up / 4)

# 检查 4：窗口重叠（3×3、步幅 1）时，一个位置是几个窗口的最大值，就收到几份梯度之和
X = torch.zeros(1, 1, 5, 5, requires_grad=True)
with torch.no_grad():
    X[0, 0, 2, 2] = 1.0  # 中心是全图最大值，3×3 输出的 9 个窗口都包含它
(grad_overlap,) = torch.autograd.grad(F.max_pool2d(X, 3, stride=1).sum(), X)
assert grad_overlap[0, 0, 2, 2] == 9 and grad_overlap.sum() == 9
