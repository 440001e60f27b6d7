"""单层感知机学不会异或（XOR）：任何一条直线最多分对 4 个点中的 3 个（枚举可证），
感知机的权重周而复始地循环、永不收敛；加一个隐藏层就够了：手工设定权重的 2-2-1 网络精确算出 XOR，
训练出的小 MLP 也能 100% 分对。"""

import itertools

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([0.0, 1.0, 1.0, 0.0])  # XOR


def perceptron(order_seed: int | None, epochs: int = 100) -> tuple[list[float], list[int], list]:
    """学习规则 w ← w + η(y − ŷ)x（η = 1）；order_seed 为 None 时按固定顺序，否则每轮随机打乱。
    返回每轮结束时的准确率、每轮出错（更新）的次数、每看一个样本后的权重状态 (w1, w2, b)。"""
    g = None if order_seed is None else torch.Generator().manual_seed(order_seed)
    w, b = torch.zeros(2), torch.zeros(())
    accs, mistakes, states = [], [], []
    for _ in range(epochs):
        order = range(4) if g is None else torch.randperm(4, generator=g).tolist()
        errors = 0
        for i in order:
            y_hat = (X[i] @ w + b > 0).float()
            w, b = w + (y[i] - y_hat) * X[i], b + (y[i] - y_hat)
            errors += int(y_hat != y[i])
            states.append((*w.tolist(), b.item()))
        accs.append(((X @ w + b > 0).float() == y).float().mean().item())
        mistakes.append(errors)
    return accs, mistakes, states


# 1) 固定顺序训练 100 轮
accs, mistakes, states = perceptron(order_seed=None)
print(f"固定顺序：每轮结束时准确率 {sorted(set(accs))}，前 4 轮出错 {mistakes[:4]} 次")
# > 固定顺序：每轮结束时准确率 [0.5]，前 4 轮出错 [2, 3, 4, 4] 次
print(f"第 3 轮起权重 (w1, w2, b) 只在 {len(set(states[8:]))} 个状态之间循环：")
# > 第 3 轮起权重 (w1, w2, b) 只在 4 个状态之间循环：
print(states[8:12])
# > [(-1.0, 0.0, 0.0), (-1.0, 1.0, 1.0), (0.0, 1.0, 2.0), (-1.0, 0.0, 1.0)]
# 每轮随机打乱顺序，5 个种子
best_shuffled = [max(perceptron(order_seed=s)[0]) for s in range(5)]
print(f"随机顺序：5 个种子各自的最高准确率 {best_shuffled}")
# > 随机顺序：5 个种子各自的最高准确率 [0.75, 0.75, 0.75, 0.75, 0.75]

# 2) 枚举：整数网格上的所有 (w1, w2, b) 能画出哪些 4 点标注，它们和 XOR 最多有几个点一致
grid = range(-3, 4)
labelings = {
    tuple(int(X[i, 0] * w1 + X[i, 1] * w2 + b > 0) for i in range(4))
    for w1, w2, b in itertools.product(grid, grid, grid)
}
xor, xnor = (0, 1, 1, 0), (1, 0, 0, 1)
best_linear = max(sum(a == t for a, t in zip(lab, xor, strict=True)) for lab in labelings) / 4
print(f"直线能画出的标注 {len(labelings)} 种（共 16 种），与 XOR 最多一致 {best_linear}")
# > 直线能画出的标注 14 种（共 16 种），与 XOR 最多一致 0.75

# 3) 手工设定权重的两层网络：h1 = ReLU(x1 + x2)，h2 = ReLU(x1 + x2 − 1)，输出 h1 − 2·h2
hidden, out = nn.Linear(2, 2), nn.Linear(2, 1)
with torch.no_grad():
    hidden.weight.copy_(torch.tensor([[1.0, 1.0], [1.0, 1.0]]))
    hidden.bias.copy_(torch.tensor([0.0, -1.0]))
    out.weight.copy_(torch.tensor([[1.0, -2.0]]))
    out.bias.zero_()
    xor_by_hand = out(torch.relu(hidden(X))).squeeze(1)

# 4) 训练一个 2-8-1 的 MLP
mlp = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
opt = torch.optim.Adam(mlp.parameters(), lr=0.1)
for _ in range(200):
    opt.zero_grad()
    F.binary_cross_entropy_with_logits(mlp(X).squeeze(1), y).backward()
    opt.step()
with torch.no_grad():
    acc_mlp = ((mlp(X).squeeze(1) > 0).float() == y).float().mean().item()
print(f"MLP 准确率 {acc_mlp}")
# > MLP 准确率 1.0

# 检查：固定顺序时每轮结束都只对一半；第 3 轮起每个样本轮到时都被判错，权重每 4 步回到原处，永不收敛
assert set(accs) == {0.5} and all(m == 4 for m in mistakes[2:])
assert len(set(states[8:])) == 4 and all(
    states[t] == states[t + 4] for t in range(8, len(states) - 4)
)
# 检查：随机顺序时能到 3/4，但没有一个种子、没有一轮到过 4/4
assert max(best_shuffled) == 0.75
# 检查：16 种标注中直线画不出的恰好是 XOR 和它的取反（上面的代数论证说明网格之外也画不出），
# 其余 14 种都画得出；所以任何线性分类器在 XOR 上最多对 3 个点
all_labelings = set(itertools.product((0, 1), repeat=4))
assert all_labelings - labelings == {xor, xnor}
assert best_linear == 0.75
# 检查：手工网络的输出恰好是 0, 1, 1, 0；训练出的 MLP 全部分对
torch.testing.assert_close(xor_by_hand, y)
assert acc_mlp == 1.0
