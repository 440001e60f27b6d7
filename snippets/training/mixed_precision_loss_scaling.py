"""损失缩放：把损失乘 S，反向传播的线性让每个梯度也乘 S，
原本在 fp16 里下溢为 0 的梯度被搬进可表示范围；在 fp32 里除以 S 就还原出正确的梯度。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1))
X = torch.randn(256, 8)
with torch.no_grad():
    y = model(X) + 1e-6 * torch.randn(256, 1)  # 模型快收敛了：残差只有 1e-6 量级


def first_layer_grad(S: float, grad_dtype: torch.dtype | None) -> torch.Tensor:
    """对 S·loss 反向传播；grad_dtype 不为 None 时，激活的梯度按该格式存储（模拟低精度）。"""
    model.zero_grad()
    h = model[0](X)
    if grad_dtype is not None:
        h.register_hook(lambda g: g.to(grad_dtype).float())  # 梯度先舍入到低精度再往回传
    loss = F.mse_loss(model[2](model[1](h)), y)
    (S * loss).backward()
    return model[0].weight.grad.clone()


S = 2.0**20
ref = first_layer_grad(1.0, None)  # fp32 的参考梯度
h = model[0](X)
(g_h,) = torch.autograd.grad(F.mse_loss(model[2](model[1](h)), y), h)  # 激活梯度本身有多小
unscaled = first_layer_grad(1.0, torch.float16)
scaled = first_layer_grad(S, torch.float16) / S  # 缩放后反传，更新前在 fp32 里除以 S
print(f"激活梯度最大 {g_h.abs().max().item():.1e}，乘 S 后最大 {(S * g_h).abs().max().item():.1e}")
# > 激活梯度最大 4.9e-09，乘 S 后最大 5.1e-03
no_scaling_bf16 = first_layer_grad(1.0, torch.bfloat16)

# 检查：线性——对 S·loss 求得的梯度恰好是 S 倍（S 是 2 的幂，乘除都没有舍入误差）
assert torch.equal(first_layer_grad(S, None) / S, ref)
# 检查：不缩放时，fp16 里的激活梯度全部下溢为 0，第一层收不到任何梯度
assert (g_h.abs() < 2.0**-25).all()
assert torch.equal(unscaled, torch.zeros_like(unscaled))
# 检查：缩放后再还原，与 fp32 的梯度一致（误差在 fp16 的精度量级，相对最大梯度 1e-3 以内）
scale_of_ref = ref.abs().max().item()
torch.testing.assert_close(scaled, ref, rtol=1e-2, atol=1e-3 * scale_of_ref)
# 检查：bf16 的指数范围与 fp32 相同，不缩放也不会下溢，只是精度更低
torch.testing.assert_close(no_scaling_bf16, ref, rtol=5e-2, atol=1e-2 * scale_of_ref)
