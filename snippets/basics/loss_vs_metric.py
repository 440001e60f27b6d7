"""损失函数不等于评估指标：准确率经过 argmax，对 logits 没有梯度；准确率相同的两个模型，
交叉熵可以差很多；困惑度（Perplexity）= exp(平均交叉熵) = 真实类别概率几何平均的倒数。"""

import math

import torch
import torch.nn.functional as F

y = torch.tensor([0, 1, 2, 0])
# 两个模型的预测类别完全相同（都对 3 个、错 1 个），只是“把握”不同
logits_a = torch.tensor([[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0], [0.0, 2.0, 0.0]])
logits_b = 3 * logits_a  # 更自信：对的更对，错的也错得更狠


def accuracy(logits: torch.Tensor) -> torch.Tensor:
    return (logits.argmax(dim=1) == y).float().mean()


loss_a, loss_b = F.cross_entropy(logits_a, y), F.cross_entropy(logits_b, y)
print(accuracy(logits_a).item(), accuracy(logits_b).item(), f"{loss_a:.4f} {loss_b:.4f}")
# > 0.75 0.75 0.7395 1.5049

# 准确率不能反向传播：argmax 的输出是整数下标，计算图在这里断开
logits = logits_a.clone().requires_grad_()
acc = accuracy(logits)

# 困惑度：语言模型的常用指标
p_true = F.softmax(logits_a, dim=1)[torch.arange(4), y]  # 每个样本给真实类别的概率
perplexity = torch.exp(loss_a)

# 检查：准确率相同、损失不同
assert accuracy(logits_a) == accuracy(logits_b) == 0.75
assert loss_b > loss_a
# 检查：准确率没有梯度（不在计算图里），交叉熵有
assert not acc.requires_grad and acc.grad_fn is None
assert F.cross_entropy(logits, y).requires_grad
# 检查：困惑度 = exp(交叉熵) = 1 / (真实类别概率的几何平均)
geometric_mean = p_true.prod() ** (1 / len(p_true))  # 直接按定义：n 个概率连乘再开 n 次方
torch.testing.assert_close(perplexity, 1 / geometric_mean)
# 检查：均匀猜测 K 个类别时，困惑度恰好是 K
uniform = F.cross_entropy(torch.zeros(4, 3), y)
assert math.isclose(torch.exp(uniform).item(), 3.0, rel_tol=1e-6)
