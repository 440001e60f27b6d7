"""Dropout 后面接非线性时，推理时的一次确定性前向只是子网络集成的近似：
ReLU 是凸函数，E[ReLU(a)] ≥ ReLU(E[a])（Jensen 不等式），期望不能“穿过”非线性。
对一个训练好的 MLP，用蒙特卡洛（Monte Carlo）平均许多个随机子网络的输出，与 model.eval() 比较。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
p = 0.5

# 1) 一个 ReLU 单元，输入的 12 个分量先做 Dropout：枚举全部 2¹² 个掩码，算精确期望
n = 12
h, w, b = torch.randn(n), torch.randn(n), torch.tensor(0.5)
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=n)))
probs = (1 - p) ** masks.sum(dim=1) * p ** (n - masks.sum(dim=1))
a = (masks * h / (1 - p)) @ w + b  # 每个子网络里这个单元的预激活
E_a, E_relu = probs @ a, probs @ torch.relu(a)
a_eval = w @ h + b  # 推理时的预激活
print(f"E[a] = {E_a:.4f}，推理值 a = {a_eval:.4f}")
print(f"E[ReLU(a)] = {E_relu:.4f}，推理值 ReLU(a) = {torch.relu(a_eval):.4f}")
# > E[a] = -1.5451，推理值 a = -1.5451
# > E[ReLU(a)] = 0.6912，推理值 ReLU(a) = 0.0000

# 2) 一个训练好的三分类 MLP（每个 ReLU 后面一个 Dropout）
centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])


def sample(num: int) -> tuple[torch.Tensor, torch.Tensor]:
    y = torch.randint(0, 3, (num,))
    return centers[y] + 1.2 * torch.randn(num, 2), y


X, y = sample(300)
X_test, y_test = sample(200)
model = nn.Sequential(
    nn.Linear(2, 32), nn.ReLU(), nn.Dropout(p),
    nn.Linear(32, 32), nn.ReLU(), nn.Dropout(p),
    nn.Linear(32, 3),
)  # fmt: skip
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for _ in range(150):
    opt.zero_grad()
    F.cross_entropy(model(X), y).backward()
    opt.step()

model.eval()  # 推理：一次确定性前向
with torch.no_grad():
    prob_eval = F.softmax(model(X_test), dim=1)
model.train()  # 集成：每个输入抽 S 个子网络，平均它们的输出概率
S = 200
with torch.no_grad():
    prob_mc = F.softmax(model(X_test.repeat(S, 1)), dim=1).view(S, -1, 3).mean(dim=0)
acc_eval = (prob_eval.argmax(dim=1) == y_test).double().mean().item()
acc_mc = (prob_mc.argmax(dim=1) == y_test).double().mean().item()
agree = (prob_mc.argmax(dim=1) == prob_eval.argmax(dim=1)).double().mean().item()
print(f"概率最大差 {(prob_mc - prob_eval).abs().max():.3f}，预测一致率 {agree:.3f}")
print(f"测试准确率：eval {acc_eval:.3f}，蒙特卡洛平均 {acc_mc:.3f}")
# > 概率最大差 0.100，预测一致率 0.995
# > 测试准确率：eval 0.905，蒙特卡洛平均 0.910

# 检查 1：线性部分的期望精确等于推理值；过了 ReLU 之后，期望严格大于推理值
torch.testing.assert_close(E_a, a_eval)
assert E_relu > torch.relu(a_eval) + 0.1
# 检查 2：整个网络的推理输出不等于集成的平均输出，但预测的类别几乎相同，准确率相差很小
assert (prob_mc - prob_eval).abs().max() > 0.05
assert agree > 0.95
assert abs(acc_eval - acc_mc) < 0.03
