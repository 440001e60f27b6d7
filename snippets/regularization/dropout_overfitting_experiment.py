"""一次小实验：同一个会过拟合的 MLP、同一个初始化，加上 Dropout 后验证损失更低、泛化差距更小，
训练集上反而拟合得差一些；换 5 组数据和初始化，这三点每一组都成立，幅度却差别很大。
训练出的权重没有一个是 0：Dropout 不会让权重变稀疏。"""

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


def mlp(p: float) -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(2, 64), nn.ReLU(), nn.Dropout(p),
        nn.Linear(64, 64), nn.ReLU(), nn.Dropout(p),
        nn.Linear(64, 2),
    )  # fmt: skip


def fit(p: float, init: dict, data: tuple) -> tuple[nn.Module, dict[str, float]]:
    X, y, X_val, y_val = data
    model = mlp(p)
    model.load_state_dict(copy.deepcopy(init))  # Dropout 没有参数，两个模型共用同一份初始参数
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


runs = []  # 每组：(不用 Dropout 的结果, 用 Dropout 的结果)
for seed in range(5):
    torch.manual_seed(seed)
    data = (*sample(30), *sample(500))  # 只有 30 个训练样本；500 个验证样本
    init = mlp(0.0).state_dict()
    _, plain = fit(0.0, init, data)
    model_drop, drop = fit(0.5, init, data)
    runs.append((plain, drop))
    if seed == 0:
        first_model = model_drop

for name, r in [("不用 Dropout", runs[0][0]), ("Dropout p=0.5", runs[0][1])]:
    gap = r["val_loss"] - r["train_loss"]
    print(
        f"{name}：训练损失 {r['train_loss']:.3f}，验证损失 {r['val_loss']:.3f}，"
        f"差距 {gap:.3f}，验证准确率 {r['val_acc']:.3f}"
    )
# > 不用 Dropout：训练损失 0.001，验证损失 2.644，差距 2.643，验证准确率 0.764
# > Dropout p=0.5：训练损失 0.092，验证损失 0.787，差距 0.695，验证准确率 0.802


def gap(r: dict[str, float]) -> float:
    return r["val_loss"] - r["train_loss"]


ratios = [gap(drop) / gap(plain) for plain, drop in runs]
print("5 组里 Dropout 的泛化差距 ÷ 不用 Dropout 的：", [f"{x:.2f}" for x in ratios])
# > 5 组里 Dropout 的泛化差距 ÷ 不用 Dropout 的： ['0.26', '0.51', '0.38', '0.70', '0.96']

# 检查 1：每一组里，加 Dropout 后验证损失更低、泛化差距更小，代价是训练损失更高
for plain, drop in runs:
    assert drop["val_loss"] < plain["val_loss"] and gap(drop) < gap(plain)
    assert drop["train_loss"] > plain["train_loss"]
# 检查 2：幅度因组而异：差距缩小的比例最大与最小相差 3 倍以上，“缩到一半以下”不是每组都成立；
# 验证准确率也不是每组都提高（交叉熵变好，argmax 不一定变）
assert max(ratios) > 3 * min(ratios) and max(ratios) > 0.5
assert any(drop["val_acc"] < plain["val_acc"] for plain, drop in runs)
# 检查 3：权重一个 0 都没有，Dropout 不产生稀疏的权重；模型共 2·64+64 + 64·64+64 + 64·2+2 个参数
assert sum(w.numel() for w in first_model.parameters()) == 4482
assert all((w != 0).all() for w in first_model.parameters())
