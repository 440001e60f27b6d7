"""CPU 上的自动混合精度：torch.autocast(device_type="cpu", dtype=torch.bfloat16)。
线性层在 bf16 里算，mse_loss 自动回到 fp32；参数和梯度仍是 fp32（主权重）。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 8))
X, y = torch.randn(16, 32), torch.randn(16, 8)
ref = model(X)  # 全 fp32 的参考输出

with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    out = model(X)
    loss = F.mse_loss(out, y)
    first = model[0](X)
    # CPU 的 fp32 表很短（主要是损失函数）：softmax 收到 bf16 输入就在 bf16 里算；
    # CUDA 上 softmax、log_softmax、exp、layer_norm、sum 等都在 fp32 表里
    probs = torch.softmax(out, dim=1)
    normed, expd = F.layer_norm(out, (8,)), torch.exp(out)
    ce = F.cross_entropy(out, y.argmax(dim=1))
loss.backward()
print(out.dtype, loss.dtype, model[0].weight.dtype, model[0].weight.grad.dtype)
# > torch.bfloat16 torch.float32 torch.float32 torch.float32
rel_err = ((out.float() - ref).norm() / ref.norm()).item()
print(f"与 fp32 输出的相对误差 {rel_err:.1e}")
# > 与 fp32 输出的相对误差 3.6e-03

# 检查：autocast 做的就是“把输入和权重转成 bf16 再算线性层”
W, b = model[0].weight, model[0].bias
assert torch.equal(first, F.linear(X.bfloat16(), W.bfloat16(), b.bfloat16()))
# 检查：输出 bf16、损失 fp32；参数和梯度保持 fp32
assert out.dtype == torch.bfloat16 and loss.dtype == torch.float32
# 检查：CPU 上 softmax、layer_norm、exp 不会被转到 fp32（仍是 bf16），交叉熵会
assert probs.dtype == normed.dtype == expd.dtype == torch.bfloat16 and ce.dtype == torch.float32
assert all(p.dtype == p.grad.dtype == torch.float32 for p in model.parameters())
# 检查：结果与 fp32 接近，误差在 bf16 的精度量级（eps = 2^-7）
torch.testing.assert_close(out.float(), ref, rtol=2e-2, atol=2e-2)
assert 1e-4 < rel_err < 2.0**-7
