"""一次小实验：同一个会过拟合的 MLP、同一个初始化，加上 Dropout 后泛化差距小得多，验证损失也低得多；
训练集上反而拟合得差一些。训练出的权重没有一个是 0：Dropout 不会让权重变稀疏。"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def sample(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """两类高斯点，中心 (±1, 0)，大量重叠（最优分类器也会错约 16%），相当于标签有噪声。"""
    y = torch.randint(0, 2, (n,))
    X = torch.randn(n, 2)
    X[:, 0] += 2.0 * y - 1
    return X, y


X, y = sample(30)  # 只有 30 个训练样本
X_val, y_val = sample(500)


def mlp(p: float) -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(2, 64), nn.ReLU(), nn.Dropout(p),
        nn.Linear(64, 64), nn.ReLU(), nn.Dropout(p),
        nn.Linear(64, 2),
    )  # fmt: skip


init = mlp(0.0).state_dict()  # Dropout 没有参数，两个模型可以共用同一份初始参数


def fit(p: float) -> tuple[nn.Module, dict[str, float]]:
    model = mlp(p)
    model.load_state_dict(copy.deepcopy(init))
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    model.train()
    for _ in range(200):
        opt.zero_grad()
        F.cross_entropy(model(X), y).backward()
        opt.step()
    model.eval()  # 评估时关掉 Dropout
    with torch.no_grad():
        return model, {
            "train_loss": F.cross_entropy(model(X), y).item(),
            "val_loss": F.cross_entropy(model(X_val), y_val).item(),
            "val_acc": (model(X_val).argmax(dim=1) == y_val).double().mean().item(),
        }


_, plain = fit(0.0)
model_drop, drop = fit(0.5)
for name, r in [("不用 Dropout", plain), ("Dropout p=0.5", drop)]:
    gap = r["val_loss"] - r["train_loss"]
    print(
        f"{name}：训练损失 {r['train_loss']:.3f}，验证损失 {r['val_loss']:.3f}，"
        f"差距 {gap:.3f}，验证准确率 {r['val_acc']:.3f}"
    )
# > 不用 Dropout：训练损失 0.001，验证损失 2.644，差距 2.643，验证准确率 0.764
# > Dropout p=0.5：训练损失 0.092，验证损失 0.787，差距 0.695，验证准确率 0.802

# 检查 1（只断言这个种子下稳健成立的结论）：加 Dropout 后泛化差距不到原来的一半，验证损失明显更低
gap_plain = plain["val_loss"] - plain["train_loss"]
gap_drop = drop["val_loss"] - drop["train_loss"]
assert gap_drop < 0.5 * gap_plain
assert drop["val_loss"] < 0.5 * plain["val_loss"]
# 检查 2：代价是训练集上拟合得没那么好（训练损失更高）
assert drop["train_loss"] > plain["train_loss"]
# 检查 3：权重一个 0 都没有，Dropout 不产生稀疏的权重；模型共 2·64+64 + 64·64+64 + 64·2+2 个参数
assert sum(w.numel() for w in model_drop.parameters()) == 4482
assert all((w != 0).all() for w in model_drop.parameters())
