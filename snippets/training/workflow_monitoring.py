"""训练时监控三条曲线：训练/验证损失、梯度范数、学习率；学习率曲线只由调度器决定，说明不了收敛。"""

import copy
import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
K = 3  # 类别数

# 三团高斯点：每类一个中心
centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
y_all = torch.arange(400) % K
X_all = centers[y_all] + torch.randn(400, 2)
X_train, y_train, X_val, y_val = X_all[:300], y_all[:300], X_all[300:], y_all[300:]
init = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, K))


def grad_norm(model: nn.Module) -> float:
    """所有参数梯度拼成一个长向量后的 L2 范数。"""
    return math.sqrt(sum(p.grad.pow(2).sum().item() for p in model.parameters()))


def train(y_train: torch.Tensor, num_epochs: int = 20) -> dict[str, list[float]]:
    model = copy.deepcopy(init)  # 两次运行从同一个初始化出发
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_epochs)
    log = {"train_loss": [], "val_loss": [], "grad_norm": [], "lr": [], "steps": []}
    g = torch.Generator().manual_seed(0)
    for _ in range(num_epochs):
        log["lr"].append(optimizer.param_groups[0]["lr"])  # 这个 epoch 用的学习率
        model.train()
        losses, norms = [], []
        for idx in torch.randperm(300, generator=g).split(30):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(X_train[idx]), y_train[idx])
            loss.backward()
            norms.append(grad_norm(model))
            # clip_grad_norm_ 返回裁剪前的总范数；max_norm=inf 时只测量、不裁剪
            total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=math.inf)
            log["steps"].append((norms[-1], total.item()))
            optimizer.step()
            losses.append(loss.item())
        scheduler.step()  # 每个 epoch 结束调整一次学习率
        model.eval()
        with torch.no_grad():
            log["val_loss"].append(F.cross_entropy(model(X_val), y_val).item())
        log["train_loss"].append(sum(losses) / len(losses))
        log["grad_norm"].append(sum(norms) / len(norms))
    return log


real = train(y_train)
shuffled = train(y_train[torch.randperm(300)])  # 打乱标签：模型什么也学不到
for t in [0, 5, 10, 19]:
    print(
        f"epoch {t:2d}  lr {real['lr'][t]:.4f}  train {real['train_loss'][t]:.3f}"
        f"  val {real['val_loss'][t]:.3f}  |g| {real['grad_norm'][t]:.3f}"
        f"  |  乱标签 val {shuffled['val_loss'][t]:.3f}"
    )
    # > epoch  0  lr 0.1000  train 0.445  val 0.205  |g| 0.596  |  乱标签 val 1.036
    # > epoch  5  lr 0.0854  train 0.131  val 0.234  |g| 0.265  |  乱标签 val 1.086
    # > epoch 10  lr 0.0500  train 0.126  val 0.220  |g| 0.276  |  乱标签 val 1.092
    # > epoch 19  lr 0.0006  train 0.113  val 0.224  |g| 0.195  |  乱标签 val 1.072

# 检查 1：每一步手算的梯度范数都与 clip_grad_norm_ 返回的总范数一致
mine, torchs = zip(*real["steps"], strict=True)
torch.testing.assert_close(torch.tensor(mine), torch.tensor(torchs))
# 检查 2：学习率就是余弦退火公式 lr_t = lr_0 · (1 + cos(π t / T)) / 2，与训练好坏无关
expected = [0.1 * (1 + math.cos(math.pi * t / 20)) / 2 for t in range(20)]
torch.testing.assert_close(torch.tensor(real["lr"]), torch.tensor(expected))
assert real["lr"] == shuffled["lr"]  # 两次运行的学习率曲线一模一样
# 检查 3：可是一次学会了、一次没学会（乱标签的验证损失停在 ln 3 附近，相差不到 10%）
assert real["val_loss"][-1] < 0.5
assert abs(shuffled["val_loss"][-1] - math.log(K)) < 0.1 * math.log(K)
