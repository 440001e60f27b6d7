"""patience 的取舍：验证损失有噪声（验证集有限、小批量训练有随机性）时，patience 太小会被一次偶然的
回升骗到、停得太早；patience 越大，恢复出的模型越接近真正的最优，但要多训练更多 epoch。"""

import itertools
import math

import torch

torch.manual_seed(0)
num_epochs, num_runs = 200, 300
epochs = torch.arange(num_epochs)
# “真实”的验证损失：先快速下降，约第 50 个 epoch 后开始缓慢上升（过拟合）
true_val = 0.3 + 0.5 * torch.exp(-epochs / 15) + 0.002 * (epochs - 50).clamp(min=0)
noisy = true_val + 0.02 * torch.randn(num_runs, num_epochs)  # 每次看到的是带噪声的估计
best_true = true_val.min().item()


def early_stop(curve: list[float], patience: int) -> tuple[int, int]:
    """对一条曲线执行早停规则，返回（恢复的 epoch，停下的 epoch）。"""
    best, best_epoch = math.inf, 0
    for epoch, v in enumerate(curve):
        if v < best:
            best, best_epoch = v, epoch
        elif epoch - best_epoch >= patience:  # 连续 patience 个 epoch 没有改进
            break
    return best_epoch, epoch


patiences = [1, 3, 10, 30]
excess, trained = [], []
for patience in patiences:
    results = [early_stop(curve, patience) for curve in noisy.tolist()]
    restored = torch.tensor([r for r, _ in results])
    excess.append((true_val[restored] - best_true).mean().item())  # 恢复出的模型比真正最优差多少
    trained.append(sum(stop + 1 for _, stop in results) / num_runs)  # 平均训练了多少个 epoch
    print(f"patience={patience:2d}：恢复的模型多出 {excess[-1]:.4f}，平均训练 {trained[-1]:.0f} 轮")
# > patience= 1：恢复的模型多出 0.3822，平均训练 6 轮
# > patience= 3：恢复的模型多出 0.1146，平均训练 26 轮
# > patience=10：恢复的模型多出 0.0127，平均训练 56 轮
# > patience=30：恢复的模型多出 0.0069，平均训练 83 轮

# 检查 1：patience 越大，恢复出的模型越好（真实验证损失越接近最优），但训练的 epoch 越多
assert all(a > b for a, b in itertools.pairwise(excess))
assert all(a < b for a, b in itertools.pairwise(trained))
# 检查 2：patience=1 时损失多出的量是 patience=30 时的 5 倍以上
assert excess[0] > 5 * excess[-1]
