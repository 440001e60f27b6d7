"""两类静悄悄的 bug：形状广播把损失算错；学习率过大或不可导点让损失变成 inf/NaN。"""

import itertools
import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

# 1) 形状：模型输出 (N, 1)，标签是 (N,)，相减会广播成 (N, N)
N = 4
pred = torch.randn(N, 1)
target = torch.randn(N)
print((pred - target).shape)
# > torch.Size([4, 4])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = F.mse_loss(pred, target)  # 只给一个警告，照样返回一个数
right = F.mse_loss(pred.squeeze(1), target)  # 先把形状对齐

# 2) 学习率过大：线性回归上的梯度下降发散，损失越来越大直到 inf（再算下去就是 NaN）
X = torch.randn(100, 3)
y = X @ torch.tensor([1.0, -2.0, 0.5])
w = torch.zeros(3, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=50.0)  # 合适的学习率在 0.1 量级
losses = []
for _ in range(1000):
    optimizer.zero_grad()
    loss = F.mse_loss(X @ w, y)
    losses.append(loss.item())
    if not torch.isfinite(loss):  # 每一步都检查，第一次出现 inf/NaN 就停下来排查
        break
    loss.backward()
    optimizer.step()
print(f"第 {len(losses) - 1} 步损失变成 {losses[-1]}")
# > 第 73 步损失变成 inf

# 3) 不可导点：sqrt 在 0 处的导数是 inf，链式法则再乘上 a² 的导数 2a = 0，得到 NaN
#    （比如手写两点之间的距离，两点重合时）
a = torch.zeros(3, requires_grad=True)
torch.sqrt(a.pow(2).sum()).backward()
grad_naive = a.grad.clone()
a.grad = None
torch.sqrt(a.pow(2).sum() + 1e-12).backward()  # 加一个小 eps，或直接用 torch.linalg.vector_norm
# 找 NaN 从哪来：异常检测模式让反向传播在第一个产生 NaN 的算子处报错，并指出对应的前向代码
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # 异常检测模式本身会发“会变慢”的警告
    with torch.autograd.detect_anomaly():
        b = torch.zeros(3, requires_grad=True)
        try:
            torch.sqrt(b.pow(2).sum()).backward()
        except RuntimeError as error:
            message = str(error)
print(message)
# > Function 'PowBackward0' returned nan values in its 0th output.

# 检查 1：形状不对时 PyTorch 只发警告，算出的是 N×N 个差的均方，和正确的损失不一样
assert any("different to the input size" in str(w.message) for w in caught)
torch.testing.assert_close(wrong, ((pred - target.unsqueeze(0)) ** 2).mean())
torch.testing.assert_close(right, ((pred.squeeze(1) - target) ** 2).mean())
assert not torch.allclose(wrong, right)
# 检查 2：学习率过大时几十步内就出现 inf/NaN，参数也已经不是有限值或大得离谱
assert len(losses) < 100 and not torch.isfinite(loss)
assert all(b / a > 1e4 for a, b in itertools.pairwise(losses))  # 每一步都乘上一万多
assert w.abs().max() > 1e100 or not torch.isfinite(w).all()
# 检查 3：朴素写法的梯度是 NaN（第一个产生 NaN 的是 a² 的反向：inf × 0）；加 eps 后是有限值 0
assert torch.isnan(grad_naive).all()
assert "PowBackward0" in message
torch.testing.assert_close(a.grad, torch.zeros(3))
