"""按全局范数裁剪：把所有参数的梯度拼成一个向量 g，
g ← g · min(1, c / (‖g‖ + 1e-6))。手写版与 torch.nn.utils.clip_grad_norm_ 完全一致。"""

import copy

import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
X, y = torch.randn(16, 4), torch.randn(16, 2)
(1000 * nn.functional.mse_loss(model(X), y)).backward()  # 放大损失，造出一个很大的梯度
twin = copy.deepcopy(model)  # 同样的参数和梯度，交给 PyTorch 裁剪
for p, q in zip(model.parameters(), twin.parameters(), strict=True):
    q.grad = p.grad.clone()


def clip_by_global_norm(params: list[torch.Tensor], max_norm: float) -> float:
    grads = [p.grad for p in params]
    total_norm = torch.sqrt(sum(g.pow(2).sum() for g in grads))  # 所有参数一起算的 2-范数
    coef = torch.clamp(max_norm / (total_norm + 1e-6), max=1.0)  # PyTorch 在分母加 1e-6
    for g in grads:
        g.mul_(coef)  # 所有梯度乘同一个系数：方向不变
    return total_norm.item()


def flat_grad(m: nn.Module) -> torch.Tensor:
    return torch.cat([p.grad.flatten() for p in m.parameters()])


g_before = flat_grad(model).clone()
max_norm = 1.0
mine = clip_by_global_norm(list(model.parameters()), max_norm)
theirs = nn.utils.clip_grad_norm_(twin.parameters(), max_norm)
print(f"裁剪前 {mine:.1f}，裁剪后 {flat_grad(model).norm().item():.4f}")
# > 裁剪前 637.4，裁剪后 1.0000

# 范数本来就小于阈值时，系数是 1，梯度不变
g_small = flat_grad(model).clone()
nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)

# 检查：裁剪后的梯度与 clip_grad_norm_ 一致，返回值是裁剪前的总范数
torch.testing.assert_close(flat_grad(model), flat_grad(twin))
torch.testing.assert_close(theirs.item(), mine)
torch.testing.assert_close(mine, g_before.norm().item())
# 检查：裁剪后范数 ≈ c，方向不变（余弦相似度为 1）
torch.testing.assert_close(flat_grad(twin).norm().item(), max_norm)
cos = nn.functional.cosine_similarity(g_before, flat_grad(twin), dim=0)
torch.testing.assert_close(cos.item(), 1.0)
# 检查：‖g‖ ≤ c 时不做任何改变
assert torch.equal(flat_grad(model), g_small)

# 检查：分母里的 1e-6 确实存在：总范数正好等于阈值 1e-6 时，系数是 1e-6 / (1e-6 + 1e-6) = 1/2
tiny = nn.Parameter(torch.zeros(1, dtype=torch.float64))
tiny.grad = torch.tensor([1e-6], dtype=torch.float64)
nn.utils.clip_grad_norm_([tiny], max_norm=1e-6)
torch.testing.assert_close(tiny.grad, torch.tensor([0.5e-6], dtype=torch.float64))
# 检查：梯度里已经有 inf 时，裁剪救不回来：总范数是 inf，系数是 0，inf × 0 = nan，其余分量变成 0
bad = nn.Parameter(torch.zeros(3))
bad.grad = torch.tensor([float("inf"), 2.0, -3.0])
assert nn.utils.clip_grad_norm_([bad], max_norm=1.0).item() == float("inf")
assert torch.isnan(bad.grad[0]) and torch.equal(bad.grad[1:], torch.zeros(2))
