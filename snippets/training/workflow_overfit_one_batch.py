"""排错第一步：先在一个小批量上过拟合。损失降不到接近 0，说明训练管线本身有 bug。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
K, d = 10, 20
X_b = torch.randn(8, d)  # 只取一个 8 个样本的小批量
y_b = torch.randint(0, K, (8,))


def make_model() -> nn.Module:
    return nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, K))


def overfit(model: nn.Module, optimizer: torch.optim.Optimizer, steps: int = 100) -> list[float]:
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X_b), y_b)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


# 正确的管线
good_model = make_model()
good = overfit(good_model, torch.optim.Adam(good_model.parameters(), lr=1e-2))
# 常见 bug：优化器建好之后又重新创建了模型，优化器更新的是旧模型的参数
model = make_model()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
model = make_model()  # 比如又构建或加载了一次
bad = overfit(model, optimizer)
print(f"正确：{good[0]:.3f} → {good[-1]:.4f}；有 bug：{bad[0]:.3f} → {bad[-1]:.3f}")
# > 正确：2.261 → 0.0001；有 bug：2.278 → 2.278

# 检查 1：正确的管线在 100 步内把这 8 个样本背下来：损失接近 0，全部预测正确
assert good[-1] < 0.01
with torch.no_grad():
    assert torch.equal(good_model(X_b).argmax(dim=1), y_b)
# 检查 2：有 bug 的管线损失纹丝不动：模型的参数根本不在优化器里
assert bad[0] == bad[-1]
assert all(p.grad is not None for p in model.parameters())  # 梯度算出来了，只是没人用
