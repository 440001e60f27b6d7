"""按值裁剪：把每个梯度分量截断到 [-c, c]，与 torch.nn.utils.clip_grad_value_ 一致；
它会改变梯度的方向，按范数裁剪不会。"""

import torch
from torch import nn

torch.manual_seed(0)

w = nn.Parameter(torch.zeros(5))
w.grad = torch.tensor([3.0, -0.2, 0.5, -4.0, 0.1])
g = w.grad.clone()
c = 1.0

by_hand = g.clamp(-c, c)  # 逐元素截断
nn.utils.clip_grad_value_([w], clip_value=c)
print([round(v, 2) for v in w.grad.tolist()])
# > [1.0, -0.2, 0.5, -1.0, 0.1]

cos_value = nn.functional.cosine_similarity(g, w.grad, dim=0).item()
by_norm = g * min(1.0, c / g.norm().item())  # 按范数裁剪作对照
cos_norm = nn.functional.cosine_similarity(g, by_norm, dim=0).item()
print(f"按值裁剪后与原方向的余弦 {cos_value:.4f}，按范数裁剪 {cos_norm:.4f}")
# > 按值裁剪后与原方向的余弦 0.9570，按范数裁剪 1.0000

# 检查：与 clip_grad_value_ 一致，每个分量都落在 [-c, c]
torch.testing.assert_close(w.grad, by_hand)
assert w.grad.abs().max().item() <= c
# 检查：按值裁剪改变了方向（余弦 < 1），按范数裁剪不改变方向
assert cos_value < 0.99
torch.testing.assert_close(cos_norm, 1.0)
