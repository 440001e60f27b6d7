"""推理时可以不算 softmax：argmax 不变。训练时 nn.CrossEntropyLoss 要的是 logits，
不要先做 softmax。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

N, K = 8, 5  # 8 个样本、5 个类别
logits = torch.randn(N, K)
y = torch.randint(0, K, (N,))

# 推理：所有类别共用分母，p_i / p_j = e^(z_i - z_j)，大小顺序不变，最大的位置也不变
pred_from_logits = logits.argmax(dim=1)
pred_from_probs = F.softmax(logits, dim=1).argmax(dim=1)
print(pred_from_logits.tolist())
# > [4, 0, 3, 4, 3, 1, 2, 4]

# 二分类同理：σ(z) > 0.5 等价于 z > 0
z = torch.randn(N)

# 训练：CrossEntropyLoss 内部已经做了 log_softmax
loss = nn.CrossEntropyLoss()(logits, y)
loss_wrong = nn.CrossEntropyLoss()(F.softmax(logits, dim=1), y)  # 多做了一次 softmax
print(f"{loss.item():.4f} {loss_wrong.item():.4f}")
# > 1.8913 1.6089

# 多做一次 softmax 的后果：输入被压进 [0, 1]，即使预测完全正确、非常自信，
# 损失也降不到 0，而是停在 ln(1 + (K-1)/e)，K 是类别数
confident = 100 * F.one_hot(y, K).float()
floor = nn.CrossEntropyLoss()(F.softmax(confident, dim=1), y)
print(f"{floor.item():.4f}")
# > 0.9048

# 这个值是下限：用梯度下降直接优化 logits，去最小化“多做了一次 softmax”的损失，也降不到它以下
free_logits = torch.zeros(N, K, requires_grad=True)
for _ in range(100):
    wrong = nn.CrossEntropyLoss()(F.softmax(free_logits, dim=1), y)
    (g_free,) = torch.autograd.grad(wrong, free_logits)
    with torch.no_grad():
        free_logits -= 1000.0 * g_free  # 梯度很小（要穿过两次 softmax），所以学习率很大
with torch.no_grad():
    optimized = nn.CrossEntropyLoss()(F.softmax(free_logits, dim=1), y).item()

# 交叉熵对 logits 的梯度：(softmax(logits) - one_hot(y)) / N（N 是批大小，来自取平均）
logits.requires_grad_()
(grad,) = torch.autograd.grad(nn.CrossEntropyLoss()(logits, y), logits)

# 检查：有没有 softmax，预测类别完全相同
assert torch.equal(pred_from_logits, pred_from_probs)
assert torch.equal(torch.sigmoid(z) > 0.5, z > 0)
# 检查：交叉熵 = 对 log_softmax 取负、按真实类别取值、求平均
torch.testing.assert_close(loss, F.nll_loss(F.log_softmax(logits, dim=1), y))
log_p = F.log_softmax(logits, dim=1)
torch.testing.assert_close(loss, -log_p[torch.arange(N), y].mean())
# 检查：先 softmax 再喂给 CrossEntropyLoss 得到的是另一个（错误的）损失
assert not torch.isclose(loss, loss_wrong)
assert nn.CrossEntropyLoss()(confident, y).item() < 1e-6
assert math.isclose(floor.item(), math.log(1 + (K - 1) / math.e), rel_tol=1e-6)
assert floor.item() - 1e-6 <= optimized < floor.item() + 0.01
# 检查：梯度 = p - y 再除以批大小
torch.testing.assert_close(grad, (F.softmax(logits, dim=1) - F.one_hot(y, K)) / N)
