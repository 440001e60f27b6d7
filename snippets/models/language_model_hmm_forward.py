"""隐马尔可夫模型（HMM）的前向算法：α_t(j) = P(o_1..o_t, q_t = j)，
按 α_{t+1} = (α_t A) ⊙ B[:, o_{t+1}] 递推，P(O) = Σ_j α_T(j)。
与暴力枚举全部 N^T 条隐藏路径的结果相同；长序列要在对数空间里算。"""

import itertools

import torch

torch.manual_seed(0)
# 隐藏状态：晴、阴、雨（转移矩阵与上面马尔可夫链的例子相同）；观测：散步、购物、宅家
states, symbols = ["晴", "阴", "雨"], ["散步", "购物", "宅家"]
A = torch.tensor(
    [[0.900, 0.075, 0.025], [0.150, 0.800, 0.050], [0.250, 0.250, 0.500]], dtype=torch.float64
)
B = torch.tensor([[0.6, 0.3, 0.1], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]], dtype=torch.float64)
pi = torch.tensor([0.625, 0.3125, 0.0625], dtype=torch.float64)  # 初始分布 = 平稳分布
N = len(states)


def forward(obs: list[int]) -> torch.Tensor:
    """返回 α，形状 (T, N)。"""
    alpha = [pi * B[:, obs[0]]]
    for o in obs[1:]:
        alpha.append((alpha[-1] @ A) * B[:, o])  # Σ_i α_t(i) a_ij，再乘发射概率 b_j(o)
    return torch.stack(alpha)


def brute_force(obs: list[int]) -> torch.Tensor:
    """枚举全部 N^T 条隐藏路径 q，返回每条路径的联合概率 P(O, Q)（与前向算法无关的参照）。"""
    paths = torch.tensor(list(itertools.product(range(N), repeat=len(obs))))  # (N^T, T)
    o = torch.tensor(obs)
    p = pi[paths[:, 0]] * B[paths[:, 0], o[0]]
    for t in range(1, len(obs)):
        p = p * A[paths[:, t - 1], paths[:, t]] * B[paths[:, t], o[t]]
    return p


obs = [0, 0, 0, 2, 2]  # 散步、散步、散步、宅家、宅家
alpha = forward(obs)
p_forward, p_brute = alpha[-1].sum(), brute_force(obs).sum()
print(f"前向算法 P(O) = {p_forward:.4e}，枚举 {N ** len(obs)} 条路径 = {p_brute:.4e}")
# > 前向算法 P(O) = 4.2931e-03，枚举 243 条路径 = 4.2931e-03

# 检查 1：前向算法 = 暴力枚举；而且每一步的 α_t(j) 都等于“前 t 步的路径、终点为 j”的概率之和
torch.testing.assert_close(p_forward, p_brute, rtol=1e-12, atol=0)
for t in range(1, len(obs) + 1):
    paths_t = torch.tensor(list(itertools.product(range(N), repeat=t)))
    by_end = torch.zeros(N, dtype=torch.float64).index_add_(0, paths_t[:, -1], brute_force(obs[:t]))
    torch.testing.assert_close(alpha[t - 1], by_end, rtol=1e-12, atol=0)

# 检查 2：HMM 给出长度为 T 的观测序列上的一个概率分布：全部 3^5 个序列的 P(O) 之和为 1
total = sum(forward(list(seq))[-1].sum() for seq in itertools.product(range(3), repeat=5))
assert abs(total - 1) < 1e-12


# 检查 3：观测序列本身不是马尔可夫链：P(o_3 | o_1, o_2) ≠ P(o_3 | o_2)
def prob(seq: list[int]) -> torch.Tensor:
    return forward(seq)[-1].sum()


p_full = prob([0, 2, 2]) / prob([0, 2])  # P(o_3 = 宅家 | 散步, 宅家)
p_last = sum(prob([a, 2, 2]) for a in range(3)) / sum(prob([a, 2]) for a in range(3))
print(f"P(宅家 | 散步, 宅家) = {p_full:.3f}，P(宅家 | 宅家) = {p_last:.3f}")
# > P(宅家 | 散步, 宅家) = 0.243，P(宅家 | 宅家) = 0.275
assert abs(p_full - p_last) > 0.01
# 对照：发射矩阵各行相同时，观测与隐藏状态无关、彼此独立，同样的计算给出相等的两个条件概率
B_real, B = B, B[0].repeat(3, 1)  # 三个天气都按 (0.6, 0.3, 0.1) 发射
p_full_iid = prob([0, 2, 2]) / prob([0, 2])
p_last_iid = sum(prob([a, 2, 2]) for a in range(3)) / sum(prob([a, 2]) for a in range(3))
assert abs(p_full_iid - p_last_iid) < 1e-12
B = B_real

# 检查 4：长序列在概率空间里下溢为 0；对数空间（logsumexp）与按步归一化的缩放前向算法结果一致
long_obs = torch.randint(0, 3, (1000,)).tolist()
p_naive = forward(long_obs)[-1].sum()  # 直接相乘
log_alpha = torch.log(pi) + torch.log(B[:, long_obs[0]])
for o in long_obs[1:]:
    log_alpha = torch.logsumexp(log_alpha[:, None] + torch.log(A), dim=0) + torch.log(B[:, o])
log_p = torch.logsumexp(log_alpha, dim=0)
a_hat, log_scale = pi * B[:, long_obs[0]], torch.zeros((), dtype=torch.float64)
for o in long_obs[1:]:
    log_scale += torch.log(a_hat.sum())
    a_hat = (a_hat / a_hat.sum()) @ A * B[:, o]
log_scale += torch.log(a_hat.sum())
print(f"T = 1000：直接相乘 P(O) = {p_naive.item()}，log P(O) = {log_p:.1f}")
# > T = 1000：直接相乘 P(O) = 0.0，log P(O) = -1142.9
assert p_naive == 0
torch.testing.assert_close(log_p, log_scale, rtol=1e-12, atol=0)
