"""早停：验证损失连续 patience 个 epoch 没有改进就停，并把参数恢复到最好的那个 epoch。"""

import copy

import torch
from torch import nn

torch.manual_seed(0)


class EarlyStopping:
    def __init__(self, patience: int, min_delta: float = 0.0) -> None:
        self.patience, self.min_delta = patience, min_delta
        self.best, self.best_epoch, self.best_state, self.bad_epochs = float("inf"), -1, None, 0

    def step(self, val_loss: float, model: nn.Module, epoch: int) -> bool:
        """记录本 epoch 的验证损失；返回 True 表示该停了。"""
        if val_loss < self.best - self.min_delta:  # 比最好值至少好 min_delta 才算改进
            self.best, self.best_epoch, self.bad_epochs = val_loss, epoch, 0
            self.best_state = copy.deepcopy(model.state_dict())
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience

    def restore(self, model: nn.Module) -> None:
        model.load_state_dict(self.best_state)


# 一条给定的验证损失曲线：先降，在 epoch 7 到最低 0.475，之后回升（过拟合）
val_curve = [1.0, 0.8, 0.65, 0.55, 0.50, 0.48, 0.485, 0.475, 0.49, 0.50, 0.52, 0.55, 0.6, 0.65]


def run(patience: int, min_delta: float) -> tuple[int, EarlyStopping, nn.Module]:
    model = nn.Linear(1, 1)
    stopper = EarlyStopping(patience, min_delta)
    for epoch, val_loss in enumerate(val_curve):
        with torch.no_grad():
            model.bias.fill_(epoch)  # 假装训练：用偏置记下“这是第几个 epoch 的参数”
        if stopper.step(val_loss, model, epoch):
            break
    stopper.restore(model)
    return epoch, stopper, model


stop, stopper, model = run(patience=3, min_delta=0.0)
print(f"patience=3：第 {stop} 个 epoch 停下，恢复到第 {stopper.best_epoch} 个 epoch 的参数")
# > patience=3：第 10 个 epoch 停下，恢复到第 7 个 epoch 的参数
stop2, stopper2, model2 = run(patience=3, min_delta=0.01)
print(f"再加 min_delta=0.01：第 {stop2} 个 epoch 停下，最好的是第 {stopper2.best_epoch} 个")
# > 再加 min_delta=0.01：第 8 个 epoch 停下，最好的是第 5 个

# 检查 1：最好的 epoch 就是验证损失最低的 epoch（7），停在它之后 patience 个 epoch（10）
best = min(range(len(val_curve)), key=val_curve.__getitem__)
assert (stopper.best_epoch, stop) == (best, best + 3) == (7, 10)
# 检查 2：恢复后的参数确实是第 7 个 epoch 的，而不是停下时第 10 个 epoch 的
assert model.bias.item() == 7
# 检查 3：min_delta=0.01 时，0.48→0.475 只改进了 0.005，不算数：最好的仍是 epoch 5，提前到 8 停
assert (stopper2.best_epoch, stop2, model2.bias.item()) == (5, 8, 5)
