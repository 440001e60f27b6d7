"""BN 的训练与推理：训练时用当前批次的均值和有偏方差归一化，同时按
running = (1 - momentum)·running + momentum·batch_stat 更新滑动平均（方差用无偏估计）；
推理（eval 模式）时改用滑动平均。"""

import torch
from torch import nn

torch.manual_seed(0)

C, momentum, eps = 3, 0.1, 1e-5
bn = nn.BatchNorm2d(C, momentum=momentum, eps=eps)
with torch.no_grad():  # 随便设一组 γ、β，让比较不依赖它们的初值
    bn.weight.copy_(torch.tensor([0.5, 1.0, 2.0]))
    bn.bias.copy_(torch.tensor([-1.0, 0.0, 1.0]))
gamma, beta = bn.weight.detach().view(1, C, 1, 1), bn.bias.detach().view(1, C, 1, 1)

running_mean, running_var = torch.zeros(C), torch.ones(C)  # PyTorch 的初值：0 和 1
running_var_wrong = torch.ones(C)  # 对照：如果滑动平均也用有偏方差
bn.train()
for _ in range(5):
    X = torch.randn(8, C, 4, 4) * 2 + 3
    Y = bn(X)
    mean = X.mean(dim=(0, 2, 3))
    var_biased = X.var(dim=(0, 2, 3), unbiased=False)  # 归一化用：除以 m = N·H·W
    var_unbiased = X.var(dim=(0, 2, 3), unbiased=True)  # 滑动平均用：除以 m - 1
    Y_hand = (X - mean.view(1, C, 1, 1)) / torch.sqrt(var_biased.view(1, C, 1, 1) + eps)
    torch.testing.assert_close(Y, gamma * Y_hand + beta)  # 训练模式用批统计量
    running_mean = (1 - momentum) * running_mean + momentum * mean
    running_var = (1 - momentum) * running_var + momentum * var_unbiased
    running_var_wrong = (1 - momentum) * running_var_wrong + momentum * var_biased
print([round(v, 3) for v in bn.running_mean.tolist()], int(bn.num_batches_tracked))
# > [1.267, 1.221, 1.23] 5

# 推理：用滑动平均代替批统计量
bn.eval()
X_test = torch.randn(2, C, 4, 4) * 2 + 3
rm, rv = running_mean.view(1, C, 1, 1), running_var.view(1, C, 1, 1)
Y_eval_hand = gamma * (X_test - rm) / torch.sqrt(rv + eps) + beta

# momentum=None：不用指数移动平均，而是所有批次统计量的简单平均
bn_avg = nn.BatchNorm2d(C, momentum=None)
batches = [torch.randn(8, C, 4, 4) + i for i in range(4)]
for Xb in batches:
    bn_avg(Xb)
mean_of_means = torch.stack([Xb.mean(dim=(0, 2, 3)) for Xb in batches]).mean(dim=0)

# 检查：滑动平均的更新规则（方差是无偏的）与 nn.BatchNorm2d 的 running_mean/var 一致
torch.testing.assert_close(bn.running_mean, running_mean)
torch.testing.assert_close(bn.running_var, running_var)
assert not torch.allclose(bn.running_var, running_var_wrong)  # 用有偏方差就对不上
# 检查：eval 模式的输出只用滑动平均
torch.testing.assert_close(bn(X_test), Y_eval_hand)
# 检查：momentum=None 时 running_mean 是各批均值的算术平均
torch.testing.assert_close(bn_avg.running_mean, mean_of_means)
