"""InfoNCE = F.cross_entropy(logits / τ, arange(N))；精确枚举验证下界 I ≥ log N − L。"""

import itertools
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, d, tau = 8, 16, 0.1  # 批大小、维数、温度
q = F.normalize(torch.randn(N, d, dtype=torch.float64), dim=1)  # 查询
k = F.normalize(
    q + 0.5 * torch.randn(N, d, dtype=torch.float64), dim=1
)  # 第 i 个键是第 i 个查询的正样本

# 逐个样本按定义算：L_i = -log exp(s(q_i,k_i)/τ) / Σ_j exp(s(q_i,k_j)/τ)
loss_loop = 0.0
for i in range(N):
    s = [float(q[i] @ k[j]) / tau for j in range(N)]
    loss_loop += -(s[i] - math.log(sum(math.exp(x) for x in s)))
loss_loop /= N

# 批内负样本的写法：相似度矩阵的第 i 行是一个 N 分类问题，正确类别是 i
logits = q @ k.T / tau
loss_ce = F.cross_entropy(logits, torch.arange(N))
assert abs(loss_ce.item() - loss_loop) < 1e-12
print(f"InfoNCE = {loss_ce.item():.4f}，log N = {math.log(N):.4f}")
# > InfoNCE = 0.9045，log N = 2.0794


# 互信息下界：X, Y 取值于 {0,1,2}，联合分布 P 已知，互信息可以精确算出
def mutual_info(P):
    px, py = P.sum(1, keepdim=True), P.sum(0, keepdim=True)
    ratio = torch.where(P > 0, P / (px * py), 1.0)  # 0·log 0 记为 0
    return float((P * ratio.log()).sum())


def expected_infonce(P, n, score):
    """对 x、正样本 y_1 ~ p(y|x)、n−1 个负样本 y_j ~ p(y) 的所有取值精确求期望。"""
    py = P.sum(0)
    total = 0.0
    for x in range(3):
        for ys in itertools.product(range(3), repeat=n):
            w = float(P[x, ys[0]]) * math.prod(float(py[y]) for y in ys[1:])
            s = torch.tensor([float(score[x, y]) for y in ys])
            total += w * float(-(s[0] - torch.logsumexp(s, 0)))
    return total


P = torch.tensor([[0.25, 0.05, 0.03], [0.04, 0.22, 0.06], [0.05, 0.05, 0.25]], dtype=torch.float64)
mi = mutual_info(P)
best = (P / (P.sum(1, keepdim=True) * P.sum(0, keepdim=True))).log()  # 最优打分 log p(y|x)/p(y)
rand = torch.randn(3, 3, dtype=torch.float64)  # 随便一个打分函数
print(f"I(X;Y) = {mi:.4f}")
# > I(X;Y) = 0.3178
bounds = []
for n in [2, 3, 4, 6]:
    b_best = math.log(n) - expected_infonce(P, n, best)
    b_rand = math.log(n) - expected_infonce(P, n, rand)
    assert b_best <= mi and b_rand <= mi and b_rand <= b_best  # 下界成立；最优打分给出的下界更紧
    bounds.append(b_best)
    print(f"N={n}: log N - L = {b_best:.4f}（随机打分 {b_rand:+.4f}）")
# > N=2: log N - L = 0.1463（随机打分 -0.0741）
# > N=3: log N - L = 0.2020（随机打分 -0.1146）
# > N=4: log N - L = 0.2309（随机打分 -0.1390）
# > N=6: log N - L = 0.2601（随机打分 -0.1646）
assert bounds == sorted(bounds)  # 负样本越多，下界越紧

# 上限：L ≥ 0，所以估计值不超过 log N。Y = X 且均匀时 I = log 3，N = 2 的估计最多 log 2
P_det = torch.eye(3, dtype=torch.float64) / 3
score_det = torch.where(torch.eye(3, dtype=torch.bool), 10.0, -10.0).double()
b = math.log(2) - expected_infonce(P_det, 2, score_det)
print(f"I = {mutual_info(P_det):.4f}，N=2 的下界 {b:.4f} ≤ log 2 = {math.log(2):.4f}")
# > I = 1.0986，N=2 的下界 0.4621 ≤ log 2 = 0.6931
assert b <= math.log(2) < mutual_info(P_det)

# 估计值的上限 log N 随批大小增长得很慢（单位：nat）
for n in [256, 4096, 32768]:
    print(f"N={n}: log N = {math.log(n):.2f}")
# > N=256: log N = 5.55
# > N=4096: log N = 8.32
# > N=32768: log N = 10.40
