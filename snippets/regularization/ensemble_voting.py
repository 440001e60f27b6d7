"""Bagging 7 个小 MLP 分类器，比较几种合并方式；用袋外（OOB）样本免费估计测试准确率。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
K, M, H = 3, 7, 16  # 类别数、成员数、隐藏单元数

# 合成数据：平面上 10 个中心各属 3 类之一，点归最近中心的类；再把 10% 的标签换成随机类别
centers = torch.rand(10, 2) * 6 - 3


def sample(n: int, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    X = torch.rand(n, 2) * 6 - 3
    y = torch.cdist(X, centers).argmin(dim=1) % K
    flip = torch.rand(n) < noise
    return X, torch.where(flip, torch.randint(0, K, (n,)), y)


(X, y), (X_val, y_val), (X_test, y_test) = sample(300), sample(300), sample(2000)
n = len(X)

# 每个成员用一份自助样本训练：c[m, i] = 样本 i 在第 m 份自助样本里出现的次数
c = torch.zeros(M, n).scatter_add_(1, torch.randint(0, n, (M, n)), torch.ones(M, n))
W1 = (torch.randn(M, 2, H) / 2**0.5).requires_grad_()
b1 = torch.zeros(M, 1, H, requires_grad=True)
W2 = (torch.randn(M, H, K) / H**0.5).requires_grad_()
b2 = torch.zeros(M, 1, K, requires_grad=True)


def logits(X: torch.Tensor) -> torch.Tensor:
    """(M, n, K)：M 个 2-16-3 的 ReLU 网络并排计算。"""
    return torch.relu(X @ W1 + b1) @ W2 + b2


opt = torch.optim.Adam([W1, b1, W2, b2], lr=0.02)
for _ in range(300):
    opt.zero_grad()
    ce = F.cross_entropy(logits(X).transpose(1, 2), y.expand(M, n), reduction="none")  # (M, n)
    ((c * ce).sum(dim=1) / n).sum().backward()
    opt.step()

with torch.no_grad():
    P_val, P_test, P_train = (torch.softmax(logits(Z), dim=2) for Z in (X_val, X_test, X))


def acc(pred: torch.Tensor, y: torch.Tensor) -> float:
    return (pred == y).double().mean().item()


# 四种合并方式（要选东西的都只在验证集上选，再到测试集上评）
best = max(range(M), key=lambda m: acc(P_val[m].argmax(1), y_val))  # 1) 验证集上最好的单个模型
votes = F.one_hot(P_test.argmax(2), K).sum(0)  # 2) 多数投票：(n, K) 每类得票数
hard = votes.argmax(1)
soft = P_test.mean(0).argmax(1)  # 3) 软投票：概率取平均再 argmax
a = torch.zeros(M, requires_grad=True)  # 4) 加权平均：权重 softmax(a) 在验证集上最小化 NLL
opt_a = torch.optim.Adam([a], lr=0.1)
for _ in range(100):
    opt_a.zero_grad()
    p_mix = torch.einsum("m,mnk->nk", torch.softmax(a, 0), P_val)
    F.nll_loss(p_mix.log(), y_val).backward()
    opt_a.step()
w = torch.softmax(a, 0).detach()
weighted = torch.einsum("m,mnk->nk", w, P_test).argmax(1)

member_acc = [acc(P_test[m].argmax(1), y_test) for m in range(M)]
mean_acc, worst, top = sum(member_acc) / M, min(member_acc), max(member_acc)
print(f"单个成员：平均 {mean_acc:.4f}，最差 {worst:.4f}，最好 {top:.4f}")
# > 单个成员：平均 0.8715，最差 0.8485，最好 0.8850
for name, pred in [
    ("验证集上最好的单个", P_test[best].argmax(1)),
    ("多数投票", hard),
    ("软投票", soft),
    ("加权平均", weighted),
]:
    print(f"{name}：测试准确率 {acc(pred, y_test):.4f}")  # k/2000，4 位小数是精确值
# > 验证集上最好的单个：测试准确率 0.8725
# > 多数投票：测试准确率 0.8945
# > 软投票：测试准确率 0.8985
# > 加权平均：测试准确率 0.8940

# 袋外估计：每个训练样本只用“没见过它”的成员（c[m, i] = 0）投票，算出的准确率估计测试准确率
oob = (c == 0).double()  # (M, n)
has_oob = oob.sum(0) > 0  # 7 个成员都抽中某个样本的概率只有 0.632⁷ ≈ 4%
oob_pred = (oob[..., None] * P_train).sum(0).argmax(1)
print(f"袋外样本占比 {oob.mean():.3f}，袋外准确率 {acc(oob_pred[has_oob], y[has_oob]):.3f}")
# > 袋外样本占比 0.366，袋外准确率 0.881

# 检查 1：多数投票与 torch.mode 一致（只比较没有平票的样本；平票时两者的取法可能不同）
no_tie = (votes == votes.max(1, keepdim=True).values).sum(1) == 1
assert torch.equal(hard[no_tie], torch.mode(P_test.argmax(2), dim=0).values[no_tie])
# 检查 2（Jensen：-log 是凸函数）：每个样本上，平均概率的 NLL ≤ 各成员 NLL 的平均
nll_members = -P_test[:, torch.arange(len(y_test)), y_test].log()  # (M, n)
nll_soft = -P_test.mean(0)[torch.arange(len(y_test)), y_test].log()
assert (nll_soft <= nll_members.mean(0) + 1e-12).all()
# 检查 3：验证集上学到的权重，验证 NLL 不差于均匀权重（均匀权重是可行解之一）
nll_val = lambda w: F.nll_loss(torch.einsum("m,mnk->nk", w, P_val).log(), y_val)  # noqa: E731
assert nll_val(w) <= nll_val(torch.full((M,), 1 / M))
# 检查 4：袋外样本约占 (1 - 1/n)ⁿ ≈ 36.8%；袋外准确率与软投票的测试准确率相差 < 0.05
assert abs(oob.mean().item() - (1 - 1 / n) ** n) < 0.02
assert abs(acc(oob_pred[has_oob], y[has_oob]) - acc(soft, y_test)) < 0.05
