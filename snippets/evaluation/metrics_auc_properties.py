"""AUC 只看排序：随机打分约 0.5，完美排序 1.0，完全反了 0.0，常数打分恰好 0.5；
对分数做任何严格单调递增的变换（如 sigmoid），AUC 不变。"""

import torch

torch.manual_seed(0)


def auc(y_true: torch.Tensor, scores: torch.Tensor) -> float:
    """P(正例得分 > 负例得分) + ½·P(相等)。"""
    diff = scores[y_true == 1][:, None] - scores[y_true == 0][None, :]
    return ((diff > 0).double().mean() + 0.5 * (diff == 0).double().mean()).item()


n = 1000
y_true = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(n, dtype=torch.long)])
logits = torch.randn(2 * n) + 1.5 * y_true  # 正例的 logit 整体高一些
random_scores = torch.rand(2 * n)  # 与标签无关的随机打分
perfect = y_true.double()  # 正例 1 分、负例 0 分

results = {
    "random": auc(y_true, random_scores),
    "model": auc(y_true, logits),
    "perfect": auc(y_true, perfect),
    "inverted": auc(y_true, -perfect),
    "constant": auc(y_true, torch.zeros(2 * n)),
}
print({k: round(v, 4) for k, v in results.items()})
# > {'random': 0.5048, 'model': 0.8575, 'perfect': 1.0, 'inverted': 0.0, 'constant': 0.5}

# 检查：随机打分的 AUC 在 0.5 附近（标准差约 √((n₊+n₋+1)/(12·n₊·n₋)) ≈ 0.013）
assert abs(results["random"] - 0.5) < 0.04
assert results["perfect"] == 1.0 and results["inverted"] == 0.0 and results["constant"] == 0.5
# 检查：sigmoid、乘正数、加常数都不改变排序，AUC 一点都不变
for transformed in (torch.sigmoid(logits), 3 * logits + 7, logits.exp()):
    assert auc(y_true, transformed) == results["model"]
# 检查：“严格递增”要在浮点数里也成立。float32 的 sigmoid 在 logit 超过约 16.6 时都舍入成 1.0，
# 不同的分数被压成并列：logit 上完美排序（AUC = 1），float32 概率上 AUC 变成 0.5；float64 还分得开
big_logits = torch.tensor([30.0, 25.0, 20.0, 18.0])  # 前两个是正例
y_big = torch.tensor([1, 1, 0, 0])
assert auc(y_big, big_logits) == 1.0 and auc(y_big, big_logits.double().sigmoid()) == 1.0
assert auc(y_big, big_logits.sigmoid()) == 0.5 and big_logits.sigmoid().unique().tolist() == [1.0]
# 检查：两类各为 N(0,1) 与 N(1.5,1) 时，理论 AUC = Φ(1.5/√2) ≈ 0.856
theory = torch.distributions.Normal(0.0, 1.0).cdf(torch.tensor(1.5 / 2**0.5)).item()
assert abs(results["model"] - theory) < 0.03
