"""自助采样：从 n 个样本中有放回地抽 n 次，某个样本至少被抽中一次的概率
1 - (1 - 1/n)ⁿ → 1 - 1/e ≈ 63.2%；没被抽中的约 36.8% 是袋外样本。"""

import math

import torch

torch.manual_seed(0)  # 固定随机数生成器的种子，每次运行抽到同样的下标


def p_in(n: int) -> float:
    """一次抽不中某个样本的概率是 1 - 1/n，n 次都抽不中是 (1 - 1/n)ⁿ。"""
    return 1 - (1 - 1 / n) ** n


for n in (1, 2, 5, 10, 100, 1000):
    print(f"n={n}: {p_in(n):.4f}")
# > n=1: 1.0000
# > n=2: 0.7500
# > n=5: 0.6723
# > n=10: 0.6513
# > n=100: 0.6340
# > n=1000: 0.6323
print(f"极限 1 - 1/e = {1 - math.exp(-1):.4f}")
# > 极限 1 - 1/e = 0.6321

# 经验：n = 1000，做 200 次自助采样，统计每次抽到的不同样本所占比例
n, B = 1000, 200
idx = torch.randint(0, n, (B, n))  # 每行是一次自助采样的 n 个下标
in_bag = torch.zeros(B, n, dtype=torch.bool).scatter_(1, idx, True)
frac = in_bag.float().mean(dim=1)  # 每次采样中不同样本的比例
oob = 1 - frac  # 袋外（out-of-bag）样本的比例
print(f"不同样本的比例：平均 {frac.mean():.4f}，最小 {frac.min():.3f}，最大 {frac.max():.3f}")
# > 不同样本的比例：平均 0.6329，最小 0.604，最大 0.655

# 检查 1：公式随 n 单调下降并趋于 1 - 1/e（(1 - 1/n)ⁿ 单调递增趋于 1/e）
vals = [p_in(n) for n in (1, 2, 5, 10, 100, 1000, 10**6)]
assert (torch.tensor(vals).diff() < 0).all()
assert abs(p_in(10**6) - (1 - math.exp(-1))) < 1e-6

# 检查 2：经验比例的平均与公式相差 < 0.002；袋外约占 36.8%
assert abs(frac.mean().item() - p_in(n)) < 0.002
assert abs(oob.mean().item() - math.exp(-1)) < 0.002

# 检查 3：每个样本被抽中的次数 ~ Binomial(n, 1/n)，P(0 次) = (1 - 1/n)ⁿ，对照 torch.distributions
counts = torch.zeros(B, n).scatter_add_(1, idx, torch.ones(B, n))
assert counts.sum(dim=1).eq(n).all()  # 每次恰好抽了 n 个
p1 = torch.tensor(1 / n, dtype=torch.float64)
p0 = torch.distributions.Binomial(n, p1).log_prob(torch.tensor(0.0, dtype=torch.float64)).exp()
assert abs(p0.item() - (1 - p_in(n))) < 1e-6
# 抽样次数的经验分布（20 万个计数）与 Binomial(n, 1/n) 的概率质量函数逐项一致（0、1、2、3 次）
k = torch.arange(4, dtype=torch.float64)
pmf = torch.distributions.Binomial(n, p1).log_prob(k).exp()
emp = torch.stack([(counts == j).double().mean() for j in range(4)])
assert (emp - pmf).abs().max() < 0.003

# 检查 4：因为 63.2% > 50%，对 1 近邻**分类器**做 Bagging（多数投票）等于什么都没做：
# 每份自助样本以约 63.2% 的概率含有测试点真正的最近邻，于是大多数成员投给它的类别。
# 201 个成员的投票结果与直接用全部数据的 1 近邻在 300 个测试点上完全相同
X_tr, y_tr = torch.rand(200, 2), torch.randint(0, 3, (200,))  # 标签随机：1 近邻方差最大的情形
X_te = torch.rand(300, 2)
dist = torch.cdist(X_te, X_tr)  # (300, 200)
plain = y_tr[dist.argmin(1)]
bags = torch.zeros(201, 200, dtype=torch.bool).scatter_(1, torch.randint(0, 200, (201, 200)), True)
member = y_tr[torch.where(bags[:, None, :], dist, torch.inf).argmin(2)]  # (201, 300) 每个成员的预测
bagged = torch.nn.functional.one_hot(member, 3).sum(0).argmax(1)
assert torch.equal(bagged, plain)
