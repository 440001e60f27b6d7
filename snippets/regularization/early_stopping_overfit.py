"""早停的完整实现与验证：一个 4 千多参数的 MLP 拟合 10 个带噪声的点。训练损失总体下降
（Adam 让它中途回升过几十次），验证损失先降后升；连续 patience 个 epoch 没有改进就停，
恢复的参数与最好那个 epoch 的逐位相同。"""

import copy
import itertools

import torch
import torch.nn.functional as F
from torch import nn


class EarlyStopping:
    """监控一个越小越好的量（验证损失；准确率这类越大越好的量可以传入它的相反数）。"""

    def __init__(self, patience: int, min_delta: float = 0.0) -> None:
        self.patience, self.min_delta = patience, min_delta
        self.best, self.best_epoch, self.best_state, self.bad_epochs = float("inf"), -1, None, 0

    def step(self, val_loss: float, model: nn.Module, epoch: int) -> bool:
        """记录本 epoch 的验证损失；返回 True 表示该停了。"""
        if val_loss < self.best - self.min_delta:  # 比最好值至少好 min_delta 才算改进
            self.best, self.best_epoch, self.bad_epochs = val_loss, epoch, 0
            self.best_state = copy.deepcopy(model.state_dict())  # 深拷贝，不能只存引用
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience

    def restore(self, model: nn.Module) -> None:
        model.load_state_dict(self.best_state)


torch.manual_seed(0)
n_train, n_val, noise = 10, 200, 0.3
X_train = torch.rand(n_train, 1) * 2 - 1
y_train = torch.sin(2 * X_train) + noise * torch.randn(n_train, 1)
X_val = torch.rand(n_val, 1) * 2 - 1
y_val = torch.sin(2 * X_val) + noise * torch.randn(n_val, 1)
model = nn.Sequential(nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)


def evaluate(X: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    with torch.no_grad():
        return F.mse_loss(model(X), y).item()


stopper = EarlyStopping(patience=20)
train_losses, val_losses, history, stop_epoch = [], [], [], None
for epoch in range(300):
    model.train()
    optimizer.zero_grad()
    loss = F.mse_loss(model(X_train), y_train)  # 全批量：一个 epoch 就是一步
    loss.backward()
    optimizer.step()
    train_losses.append(loss.item())
    val_losses.append(evaluate(X_val, y_val))
    if stop_epoch is None:
        history.append(copy.deepcopy(model.state_dict()))  # 仅为了下面的检查，记下每个 epoch 的参数
        if stopper.step(val_losses[-1], model, epoch):
            stop_epoch = epoch  # 实际训练在这里 break；这里继续训练，看看不停会怎样

best = stopper.best_epoch
# 打印时 epoch 从 1 数起（列表下标 best 对应第 best + 1 个 epoch）
print(f"第 {best + 1} 个 epoch 最好，验证损失 {val_losses[best]:.4f}", end="")
print(f"；第 {stop_epoch + 1} 个 epoch 停下")
print(
    f"训练损失：{train_losses[0]:.3f} → {train_losses[best]:.3f}（最好时）→ {train_losses[-1]:.4f}"
)
print(f"不早停、训练满 300 个 epoch：验证损失 {val_losses[-1]:.4f}")
# > 第 63 个 epoch 最好，验证损失 0.1027；第 83 个 epoch 停下
# > 训练损失：0.642 → 0.044（最好时）→ 0.0170
# > 不早停、训练满 300 个 epoch：验证损失 0.2211

stopper.restore(model)

# 检查 1：模型有 4353 个参数，训练样本只有 10 个
assert sum(p.numel() for p in model.parameters()) == 4353
# 检查 2：训练损失总体在降：停下时比最好时低，训满时最低；但不是每一步都降（Adam 的步子会让它回升）
assert train_losses[-1] < train_losses[stop_epoch] < train_losses[best] < train_losses[0]
assert train_losses[-1] == min(train_losses)
assert sum(b > a for a, b in itertools.pairwise(train_losses)) >= 20
# 检查 3：验证损失的最小值在中间：之后再训练，验证损失明显变大
assert best == min(range(len(val_losses)), key=val_losses.__getitem__)
assert 0 < best < stop_epoch and val_losses[-1] > 1.5 * val_losses[best]
# 检查 4：恰好在最好的 epoch 之后 patience 个 epoch 停下
assert stop_epoch == best + stopper.patience
# 检查 5：恢复后的参数与最好那个 epoch 的参数逐位相同，与停下时的不同
state = model.state_dict()
assert all(torch.equal(state[k], history[best][k]) for k in state)
assert not all(torch.equal(state[k], history[stop_epoch][k]) for k in state)
# 检查 6：恢复后的模型在验证集上的损失恰好等于记录下的最小值
assert evaluate(X_val, y_val) == min(val_losses)
