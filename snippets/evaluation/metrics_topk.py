"""Top-k 准确率：真实类别只要排在前 k 名就算对。手写版数“比真实类别得分高的类别有几个”，
与 torch.topk 的结果一致；top-1 就是普通准确率，k = 类别数时恒为 1。"""

import torch

# 5 个样本、4 个类别的 logits（没有并列）
logits = torch.tensor(
    [
        [2.0, 1.0, 0.1, -1.0],  # 真实 0：排第 1
        [0.5, 1.5, 0.2, 0.0],  # 真实 0：排第 2
        [0.3, 0.05, 0.1, 2.0],  # 真实 2：排第 3
        [0.0, 0.1, 3.0, 0.2],  # 真实 2：排第 1
        [1.0, 0.9, 0.8, 0.7],  # 真实 3：排第 4
    ]
)
y = torch.tensor([0, 0, 2, 2, 3])
K = logits.shape[1]

# 手写：真实类别的名次 = 得分严格高于它的类别数 + 1
true_logit = logits[torch.arange(len(y)), y]
rank = (logits > true_logit[:, None]).sum(dim=1) + 1
print(rank.tolist())
# > [1, 2, 3, 1, 4]


def topk_acc_by_rank(k: int) -> float:
    return (rank <= k).float().mean().item()


def topk_acc_torch(k: int) -> float:
    idx = logits.topk(k, dim=1).indices  # 每行得分最高的 k 个类别
    return (idx == y[:, None]).any(dim=1).float().mean().item()


print([round(topk_acc_by_rank(k), 2) for k in range(1, K + 1)])
# > [0.4, 0.6, 0.8, 1.0]

# 检查：两种算法一致
for k in range(1, K + 1):
    assert topk_acc_by_rank(k) == topk_acc_torch(k)
# 检查：top-1 = argmax 的准确率；top-k 随 k 单调不减；k = K 时为 1
assert topk_acc_by_rank(1) == (logits.argmax(dim=1) == y).float().mean().item()
accs = [topk_acc_by_rank(k) for k in range(1, K + 1)]
assert accs == sorted(accs) and accs[-1] == 1.0
