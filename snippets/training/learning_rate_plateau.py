"""ReduceLROnPlateau：验证损失连续 patience 个 epoch 以上没有改进，学习率乘 factor。"""

import torch
from torch.optim import lr_scheduler

lr0, factor, patience, threshold = 0.1, 0.5, 2, 1e-4
# 一串假想的验证损失：先下降，然后停滞，再略降，再停滞
val_losses = [1.0, 0.8, 0.7, 0.7, 0.71, 0.69, 0.7, 0.7, 0.7, 0.65, 0.66, 0.66, 0.66, 0.66]


def plateau_by_hand(losses: list[float]) -> list[float]:
    """mode="min"、threshold_mode="rel"：损失 < best·(1 - threshold) 才算改进。"""
    lr, best, bad, lrs = lr0, float("inf"), 0, []
    for loss in losses:
        if loss < best * (1 - threshold):
            best, bad = loss, 0
        else:
            bad += 1
        if bad > patience:  # 连续 patience + 1 次没有改进
            lr, bad = lr * factor, 0
        lrs.append(lr)
    return lrs


opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
sched = lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=factor, patience=patience)
torch_lrs = []
for loss in val_losses:
    opt.step()  # 一个 epoch 的训练
    sched.step(loss)  # 注意：要把验证指标传进去
    torch_lrs.append(opt.param_groups[0]["lr"])
print(torch_lrs)
# > [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025]

# 检查 1：与 PyTorch 逐个 epoch 一致
assert torch_lrs == plateau_by_hand(val_losses)
# 检查 2：不低于历史最好值的 epoch（如最好值 0.69 之后的 0.7）都算没有改进；
# 学习率只在第 9、13 个 epoch 之后各减半一次
assert [i + 1 for i in range(1, len(torch_lrs)) if torch_lrs[i] < torch_lrs[i - 1]] == [9, 13]
assert torch_lrs[-1] == lr0 * factor**2
