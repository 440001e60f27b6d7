"""欠拟合：线性模型分不开同心圆，训练、验证损失都停在 ln 2 附近；加数据没用，加容量或特征才有用。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def circles(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """类别 0 在半径 1 的圆上，类别 1 在半径 2 的圆上，加一点噪声。"""
    y = torch.randint(0, 2, (n,))
    theta = torch.rand(n) * 2 * math.pi
    r = (1.0 + y) + 0.2 * torch.randn(n)
    return torch.stack([r * torch.cos(theta), r * torch.sin(theta)], dim=1), y


X_train, y_train = circles(400)
X_val, y_val = circles(200)
X_more, y_more = circles(4000)  # 10 倍的数据


def fit(model: nn.Module, X: torch.Tensor, y: torch.Tensor, steps: int = 300) -> float:
    """全量训练，返回最后的全量梯度范数（接近 0 说明已经收敛到这个模型能到的地方）。"""
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(steps):
        optimizer.zero_grad()
        F.cross_entropy(model(X), y).backward()
        optimizer.step()
    optimizer.zero_grad()
    F.cross_entropy(model(X), y).backward()
    return math.sqrt(sum(p.grad.pow(2).sum().item() for p in model.parameters()))


@torch.no_grad()
def loss_acc(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    logits = model(X)
    return F.cross_entropy(logits, y).item(), (logits.argmax(dim=1) == y).double().mean().item()


def add_r2(X: torch.Tensor) -> torch.Tensor:
    """手工加一个特征 x1² + x2²（到圆心距离的平方）。"""
    return torch.cat([X, X.pow(2).sum(dim=1, keepdim=True)], dim=1)


linear = nn.Linear(2, 2)
g_linear = fit(linear, X_train, y_train)
linear_more = nn.Linear(2, 2)
fit(linear_more, X_more, y_more)
mlp = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2))
fit(mlp, X_train, y_train)
linear_r2 = nn.Linear(3, 2)
fit(linear_r2, add_r2(X_train), y_train)

results = {
    "线性": (loss_acc(linear, X_train, y_train), loss_acc(linear, X_val, y_val)),
    "线性，10 倍数据": (loss_acc(linear_more, X_more, y_more), loss_acc(linear_more, X_val, y_val)),
    "MLP": (loss_acc(mlp, X_train, y_train), loss_acc(mlp, X_val, y_val)),
    "线性 + r² 特征": (
        loss_acc(linear_r2, add_r2(X_train), y_train),
        loss_acc(linear_r2, add_r2(X_val), y_val),
    ),
}
for name, ((tr_loss, tr_acc), (va_loss, va_acc)) in results.items():
    print(f"{name}：训练 {tr_loss:.3f}/{tr_acc:.2%}  验证 {va_loss:.3f}/{va_acc:.2%}")
    # > 线性：训练 0.691/51.75%  验证 0.698/47.50%
    # > 线性，10 倍数据：训练 0.692/53.05%  验证 0.690/54.50%
    # > MLP：训练 0.014/99.50%  验证 0.028/99.50%
    # > 线性 + r² 特征：训练 0.074/98.50%  验证 0.051/99.50%

# 检查 1：线性模型已经收敛（全量梯度几乎为 0），可训练、验证损失都停在 ln 2 附近、准确率接近瞎猜
(tr_loss, tr_acc), (va_loss, va_acc) = results["线性"]
assert g_linear < 1e-3
assert min(tr_loss, va_loss) > 0.9 * math.log(2) and max(tr_acc, va_acc) < 0.65
assert abs(va_loss - tr_loss) < 0.05  # 两者都高、差距很小：这是欠拟合，不是过拟合
# 检查 2：给线性模型 10 倍数据也没用
assert results["线性，10 倍数据"][1][0] > 0.9 * math.log(2)
# 检查 3：加容量（MLP）或加一个合适的特征，训练、验证都好了
for name in ["MLP", "线性 + r² 特征"]:
    (tr_loss, _), (va_loss, va_acc) = results[name]
    assert tr_loss < 0.1 and va_loss < 0.15 and va_acc > 0.95
