"""检查初始损失：K 类 softmax 分类器刚初始化时预测接近均匀分布，交叉熵应接近 ln K。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
K, d, N = 10, 20, 512
X = torch.randn(N, d)  # 已经标准化的输入（均值 0、方差 1）
y = torch.randint(0, K, (N,))
model = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, K))

with torch.no_grad():
    loss0 = F.cross_entropy(model(X), y).item()
    loss_raw = F.cross_entropy(model(100 * X), y).item()  # 忘了标准化：输入大了 100 倍
print(f"ln K = {math.log(K):.3f}，初始损失 {loss0:.3f}，输入未标准化时 {loss_raw:.2f}")
# > ln K = 2.303，初始损失 2.318，输入未标准化时 33.57

# 检查 1：默认初始化下 logits 很小，初始损失与 ln K 相差不到 0.1
assert abs(loss0 - math.log(K)) < 0.1
# 检查 2：最后一层置零时 logits 全为 0，预测恰好是均匀分布，损失恰好是 −ln(1/K) = ln K
head = nn.Linear(64, K)
nn.init.zeros_(head.weight)
nn.init.zeros_(head.bias)
with torch.no_grad():
    logits = head(model[:2](X))
    torch.testing.assert_close(F.softmax(logits, dim=1), torch.full((N, K), 1 / K))
    torch.testing.assert_close(F.cross_entropy(logits, y).item(), math.log(K))
# 检查 3：输入尺度错了（或初始化太大）时，初始损失远高于 ln K：一开训就该发现
assert loss_raw > 3 * math.log(K)
# 检查 4：类别不平衡（70%/20%/10%）时，权重置零、偏置设为 log 先验，预测恰好等于类别先验，
#         初始损失恰好是类别分布的熵 H(π)，比 ln 3 小
y_imb = torch.tensor([0] * 350 + [1] * 100 + [2] * 50)
prior = torch.bincount(y_imb) / len(y_imb)
head3 = nn.Linear(64, 3)
nn.init.zeros_(head3.weight)
with torch.no_grad():
    head3.bias.copy_(prior.log())
    loss_imb = F.cross_entropy(head3(model[:2](torch.randn(500, d))), y_imb).item()
entropy = -(prior * prior.log()).sum().item()
print(f"不平衡：初始损失 {loss_imb:.3f}，类别分布的熵 {entropy:.3f}，ln 3 = {math.log(3):.3f}")
# > 不平衡：初始损失 0.802，类别分布的熵 0.802，ln 3 = 1.099
torch.testing.assert_close(loss_imb, entropy)
assert entropy < math.log(3)
