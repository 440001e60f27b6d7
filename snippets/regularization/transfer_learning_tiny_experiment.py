"""一次完整的小迁移：源任务数据多，目标任务只有 30 个有标签样本。与目标任务相关的预训练主干
（冻结后做特征提取，或小学习率整体微调）明显好于从零训练；无关任务上预训练的主干冻结后反而更差（负迁移）。"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：打印的数字不随线程数等浮点细节变化
D = 20  # 输入维度

# 合成数据：标签由 4 个“隐特征” tanh(3Wx) 的线性组合取 argmax 决定
W_shared = torch.randn(4, D) / D**0.5  # 源任务与目标任务共用的隐特征
W_other = torch.randn(4, D) / D**0.5  # 一个无关源任务的隐特征
A_src, A_tgt = torch.randn(8, 4), torch.randn(3, 4)  # 源任务 8 类，目标任务 3 类


def sample(n: int, W: torch.Tensor, A: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    X = torch.randn(n, D)
    return X, (torch.tanh(3 * X @ W.T) @ A.T).argmax(dim=1)


def make_backbone() -> nn.Sequential:
    return nn.Sequential(nn.Linear(D, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU())


def fit(model: nn.Module, param_groups: list[dict], X: torch.Tensor, y: torch.Tensor, steps: int):
    opt = torch.optim.Adam(param_groups)
    for _ in range(steps):
        opt.zero_grad()
        F.cross_entropy(model(X), y).backward()
        opt.step()


@torch.no_grad()
def accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    return (model(X).argmax(dim=1) == y).double().mean().item()


def pretrain(W: torch.Tensor) -> nn.Sequential:
    """在 1000 个源任务样本上训练“主干 + 8 类头”，只留下主干。"""
    X, y = sample(1000, W, A_src)
    model = nn.Sequential(make_backbone(), nn.Linear(32, 8))
    fit(model, [{"params": model.parameters(), "lr": 1e-2}], X, y, steps=200)
    return model[0]


related, unrelated = pretrain(W_shared), pretrain(W_other)
X_train, y_train = sample(30, W_shared, A_tgt)  # 目标任务：只有 30 个有标签样本
X_test, y_test = sample(2000, W_shared, A_tgt)
new_head = nn.Linear(32, 3)  # 3 类的新头；四个模型从同一个头初始化出发

# a) 从零训练
scratch = nn.Sequential(make_backbone(), copy.deepcopy(new_head))
fit(scratch, [{"params": scratch.parameters(), "lr": 1e-2}], X_train, y_train, steps=100)
# b) 特征提取：冻结相关的预训练主干，只训练新头
frozen = nn.Sequential(copy.deepcopy(related), copy.deepcopy(new_head))
frozen[0].requires_grad_(False)
fit(frozen, [{"params": frozen[1].parameters(), "lr": 1e-2}], X_train, y_train, steps=100)
# c) 整体微调：主干学习率 1e-3，新头 1e-2
tuned = nn.Sequential(copy.deepcopy(related), copy.deepcopy(new_head))
groups = [
    {"params": tuned[0].parameters(), "lr": 1e-3},
    {"params": tuned[1].parameters(), "lr": 1e-2},
]
fit(tuned, groups, X_train, y_train, steps=100)
# d) 冻结无关任务上预训练的主干
negative = nn.Sequential(copy.deepcopy(unrelated), copy.deepcopy(new_head))
negative[0].requires_grad_(False)
fit(negative, [{"params": negative[1].parameters(), "lr": 1e-2}], X_train, y_train, steps=100)

acc = {}
for name, model in [
    ("a 从零训练", scratch),
    ("b 特征提取（相关主干）", frozen),
    ("c 整体微调（相关主干）", tuned),
    ("d 特征提取（无关主干）", negative),
]:
    acc[name[0]] = accuracy(model, X_test, y_test)
    print(f"{name}：测试准确率 {acc[name[0]]:.3f}")
# > a 从零训练：测试准确率 0.533
# > b 特征提取（相关主干）：测试准确率 0.768
# > c 整体微调（相关主干）：测试准确率 0.741
# > d 特征提取（无关主干）：测试准确率 0.441

# 检查：冻结的主干与预训练权重逐位相同，新头变了；整体微调的主干变了
for k, v in frozen[0].state_dict().items():
    assert torch.equal(v, related.state_dict()[k])
assert not torch.equal(frozen[1].weight, new_head.weight)
assert not torch.equal(tuned[0][0].weight, related[0].weight)
# 检查（只断言这个种子下稳健成立的结论）：相关主干的两种迁移都明显好于从零训练，无关主干更差
assert acc["b"] > acc["a"] + 0.05 and acc["c"] > acc["a"] + 0.05
assert acc["d"] < acc["a"] - 0.03
