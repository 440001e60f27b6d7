"""过拟合：大模型 + 少量有噪声的样本，训练损失一路下降，验证损失先降后升；多给数据，差距小得多。"""

import copy
import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def sample(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """两类高斯点，中心 (±1, 0)，大量重叠：贝叶斯最优分类器也会错约 16%，相当于标签有噪声。"""
    y = torch.randint(0, 2, (n,))
    X = torch.randn(n, 2) + torch.stack([2.0 * y - 1, torch.zeros(n)], dim=1)
    return X, y


X_small, y_small = sample(30)  # 只有 30 个训练样本
X_big, y_big = sample(300)  # 对照：300 个训练样本
X_val, y_val = sample(200)
init = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))


def fit(X: torch.Tensor, y: torch.Tensor, steps: int = 200) -> tuple[list[float], list[float]]:
    """全量训练；每 10 步记录一次训练损失和验证损失。"""
    model = copy.deepcopy(init)  # 同一个初始化、同样 4482 个参数
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
    train_curve, val_curve = [], []
    for step in range(steps):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X), y)
        loss.backward()
        optimizer.step()
        if step % 10 == 0:
            with torch.no_grad():
                train_curve.append(loss.item())
                val_curve.append(F.cross_entropy(model(X_val), y_val).item())
    return train_curve, val_curve


train_s, val_s = fit(X_small, y_small)
train_b, val_b = fit(X_big, y_big)
best = min(range(len(val_s)), key=val_s.__getitem__)
print(
    f"30 个样本：验证损失最低在第 {10 * best} 步：训练 {train_s[best]:.3f}，验证 {val_s[best]:.3f}"
)
print(f"30 个样本，最后：训练 {train_s[-1]:.4f}，验证 {val_s[-1]:.3f}")
print(f"300 个样本，最后：训练 {train_b[-1]:.4f}，验证 {val_b[-1]:.3f}")
# > 30 个样本：验证损失最低在第 10 步：训练 0.323，验证 0.426
# > 30 个样本，最后：训练 0.0014，验证 3.127
# > 300 个样本，最后：训练 0.2538，验证 0.523

# 检查 1：30 个样本时，验证损失最低之后，训练损失仍一路降到接近 0……
assert train_s[-1] < 0.01 < train_s[best]
assert all(a > b for a, b in itertools.pairwise(train_s[best:]))
# ……验证损失却一路上升，最后是最低点的好几倍：背下了训练集里的噪声
assert val_s[-1] > 4 * val_s[best]
assert val_s[-1] - train_s[-1] > 2.0  # 泛化差距（验证损失 − 训练损失）
# 检查 2：同一个模型换成 300 个样本，差距小得多，验证损失也更低（但仍在变大，要早停或正则化）
assert val_b[-1] - train_b[-1] < 0.25 * (val_s[-1] - train_s[-1])
assert min(val_b) < min(val_s)
# ……但 300 个样本时验证损失后期同样在上升：最后 10 次记录一路升高，比最低点高 30% 以上
assert all(a < b for a, b in itertools.pairwise(val_b[-10:])) and val_b[-1] > 1.3 * min(val_b)
assert sum(p.numel() for p in init.parameters()) == 2 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2 == 4482
# 检查 3：两类重叠得厉害，最优分类器（按 x1 的符号分）的错误率是 Φ(−1) ≈ 0.159，验证集上也差不多
bayes_err = torch.special.ndtr(torch.tensor(-1.0)).item()
assert abs(bayes_err - 0.1587) < 1e-4
assert abs(((X_val[:, 0] > 0).long() != y_val).double().mean().item() - bayes_err) < 0.06
