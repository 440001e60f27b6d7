"""一次完整的小迁移：源任务数据多，目标任务只有 30 个有标签样本。与目标任务相关的预训练主干
（冻结后做特征提取，或小学习率整体微调）明显好于从零训练；无关任务上预训练的主干冻结后反而更差（负迁移）。
一个种子说明不了问题，所以整个实验在 5 个随机种子下各做一遍，结论要在每个种子下都成立。"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # 双精度：预测结果不随线程数等浮点细节变化
D, N_TEST = 20, 2000  # 输入维度、目标任务测试集大小


def make_backbone() -> nn.Sequential:
    return nn.Sequential(nn.Linear(D, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU())


def fit(model: nn.Module, param_groups: list[dict], X: torch.Tensor, y: torch.Tensor, steps: int):
    # fused=True：一步更新在一个融合内核里完成（CPU 也支持），只为跑得快，不改变算法
    opt = torch.optim.Adam(param_groups, fused=True)
    for _ in range(steps):
        opt.zero_grad()
        F.cross_entropy(model(X), y).backward()
        opt.step()


@torch.no_grad()
def num_correct(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> int:
    return int((model(X).argmax(dim=1) == y).sum())


def experiment(seed: int) -> dict[str, int]:
    """返回四种做法在 N_TEST 个目标测试样本上答对的个数。"""
    torch.manual_seed(seed)
    # 合成数据：标签由 4 个“隐特征” tanh(3Wx) 的线性组合取 argmax 决定
    W_shared = torch.randn(4, D) / D**0.5  # 源任务与目标任务共用的隐特征
    W_other = torch.randn(4, D) / D**0.5  # 一个无关源任务的隐特征
    A_src, A_tgt = torch.randn(8, 4), torch.randn(3, 4)  # 源任务 8 类，目标任务 3 类

    def sample(n: int, W: torch.Tensor, A: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        X = torch.randn(n, D)
        return X, (torch.tanh(3 * X @ W.T) @ A.T).argmax(dim=1)

    def pretrain(W: torch.Tensor) -> nn.Sequential:
        """在 1000 个源任务样本上训练“主干 + 8 类头”，只留下主干。"""
        X, y = sample(1000, W, A_src)
        model = nn.Sequential(make_backbone(), nn.Linear(32, 8))
        fit(model, [{"params": model.parameters(), "lr": 3e-2}], X, y, steps=100)
        return model[0]

    related, unrelated = pretrain(W_shared), pretrain(W_other)
    X_train, y_train = sample(30, W_shared, A_tgt)  # 目标任务：只有 30 个有标签样本
    X_test, y_test = sample(N_TEST, W_shared, A_tgt)
    new_head = nn.Linear(32, 3)  # 3 类的新头；四个模型从同一个头初始化出发

    # a) 从零训练
    scratch = nn.Sequential(make_backbone(), copy.deepcopy(new_head))
    fit(scratch, [{"params": scratch.parameters(), "lr": 2e-2}], X_train, y_train, steps=50)
    # b) 特征提取：冻结相关的预训练主干，只训练新头
    frozen = nn.Sequential(copy.deepcopy(related), copy.deepcopy(new_head))
    frozen[0].requires_grad_(False)
    fit(frozen, [{"params": frozen[1].parameters(), "lr": 2e-2}], X_train, y_train, steps=50)
    # c) 整体微调：主干学习率 2e-3，新头 2e-2
    tuned = nn.Sequential(copy.deepcopy(related), copy.deepcopy(new_head))
    groups = [
        {"params": tuned[0].parameters(), "lr": 2e-3},
        {"params": tuned[1].parameters(), "lr": 2e-2},
    ]
    fit(tuned, groups, X_train, y_train, steps=50)
    # d) 冻结无关任务上预训练的主干
    negative = nn.Sequential(copy.deepcopy(unrelated), copy.deepcopy(new_head))
    negative[0].requires_grad_(False)
    fit(negative, [{"params": negative[1].parameters(), "lr": 2e-2}], X_train, y_train, steps=50)

    # 检查（每个种子）：从零训练把 30 个训练样本全部答对，它输在过拟合上，而不是没训练够
    assert num_correct(scratch, X_train, y_train) == len(y_train)
    # 检查（每个种子）：冻结的主干与预训练权重逐位相同，新头变了；整体微调的主干变了
    for k, v in frozen[0].state_dict().items():
        assert torch.equal(v, related.state_dict()[k])
    assert not torch.equal(frozen[1].weight, new_head.weight)
    assert not torch.equal(tuned[0][0].weight, related[0].weight)
    models = {"a": scratch, "b": frozen, "c": tuned, "d": negative}
    return {name: num_correct(model, X_test, y_test) for name, model in models.items()}


print("a 从零训练 / b 特征提取（相关主干）/ c 整体微调（相关主干）/ d 特征提取（无关主干）")
# > a 从零训练 / b 特征提取（相关主干）/ c 整体微调（相关主干）/ d 特征提取（无关主干）
results = []
for seed in range(5):
    results.append(experiment(seed))
    print(
        f"种子 {seed}，{N_TEST} 个测试样本答对："
        + " ".join(f"{k} {v}" for k, v in results[-1].items())
    )
# > 种子 0，2000 个测试样本答对：a 1064 b 1413 c 1416 d 918
# > 种子 1，2000 个测试样本答对：a 1040 b 1525 c 1491 d 819
# > 种子 2，2000 个测试样本答对：a 1099 b 1571 c 1590 d 869
# > 种子 3，2000 个测试样本答对：a 1156 b 1384 c 1443 d 861
# > 种子 4，2000 个测试样本答对：a 1152 b 1537 c 1566 d 993

# 检查（5 个种子都要成立）：相关主干的两种迁移都比从零训练高 10 个百分点以上；
# 冻结无关主干比从零训练低 5 个百分点以上（负迁移）
for r in results:
    assert r["b"] > r["a"] + 0.10 * N_TEST and r["c"] > r["a"] + 0.10 * N_TEST
    assert r["d"] < r["a"] - 0.05 * N_TEST
# 检查：b（特征提取）和 c（整体微调）谁更好随种子变化，两种情况都出现了
assert any(r["b"] > r["c"] for r in results) and any(r["c"] > r["b"] for r in results)
