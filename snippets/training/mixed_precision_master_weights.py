"""为什么要保留 fp32 主权重：权重 1.0、每步更新 1e-4 时，fp16 的权重一步也动不了
（1e-4 小于半个 eps）；fp32 主权重 1000 步后到达 0.9（误差在 fp32 精度量级）。"""

import torch

lr, grad, steps = 1e-4, 1.0, 1000
w16 = torch.tensor(1.0, dtype=torch.float16)  # 直接在 fp16 里更新
w32 = torch.tensor(1.0)  # fp32 主权重（master weights）
for _ in range(steps):
    w16 = w16 - lr * grad
    w32 = w32 - lr * grad
w16_copy = w32.half()  # 每步前向用的是主权重转成的 fp16 副本
print(w16.item(), round(w32.item(), 4), w16_copy.item())
# > 1.0 0.9 0.89990234375

# 检查：fp16 权重纹丝不动，fp32 主权重走完了 1000 × 1e-4 = 0.1
assert w16.item() == 1.0
torch.testing.assert_close(w32.item(), 1.0 - steps * lr, rtol=1e-4, atol=0)
# 检查：更新量相对权重小于 2^-11（半个 eps）时就会在 fp16 里丢失
assert lr * grad / 1.0 < 2.0**-11
# 检查：fp16 副本与主权重只差一次舍入
assert abs(w16_copy.item() - w32.item()) <= 2.0**-11
