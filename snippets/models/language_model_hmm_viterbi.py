"""Viterbi 算法：把前向算法里的求和换成取最大，再沿回溯指针找回路径，得到概率最大的隐藏状态序列
argmax_Q P(Q, O)。与暴力枚举全部 N^T 条路径的结果相同（所有 3^5 个观测序列都检查）；
逐个位置取后验最大的状态拼起来，却不一定是这条路径。"""

import itertools

import torch

torch.manual_seed(0)
states, symbols = ["晴", "阴", "雨"], ["散步", "购物", "宅家"]
A = torch.tensor(
    [[0.900, 0.075, 0.025], [0.150, 0.800, 0.050], [0.250, 0.250, 0.500]], dtype=torch.float64
)
B = torch.tensor([[0.6, 0.3, 0.1], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]], dtype=torch.float64)
pi = torch.tensor([0.625, 0.3125, 0.0625], dtype=torch.float64)
N, T = 3, 5
paths = torch.tensor(list(itertools.product(range(N), repeat=T)))  # 全部 3^5 = 243 条隐藏路径


def viterbi(obs: list[int]) -> tuple[list[int], torch.Tensor]:
    """对数空间的 Viterbi：δ_t(j) = max_i δ_{t-1}(i) + log a_ij + log b_j(o_t)，
    ψ 记下取到最大的那个 i。"""
    delta, back = torch.log(pi) + torch.log(B[:, obs[0]]), []
    for o in obs[1:]:
        scores = delta[:, None] + torch.log(A)  # scores[i, j]：从 i 转到 j
        back.append(scores.argmax(dim=0))
        delta = scores.max(dim=0).values + torch.log(B[:, o])
    path = [int(delta.argmax())]
    for psi in reversed(back):  # 沿回溯指针从最后一步往前找
        path.append(int(psi[path[-1]]))
    return path[::-1], delta.max()


def joint(obs: list[int]) -> torch.Tensor:
    """暴力枚举：每条隐藏路径与观测的联合概率 P(Q, O)。"""
    o = torch.tensor(obs)
    p = pi[paths[:, 0]] * B[paths[:, 0], o[0]]
    for t in range(1, T):
        p = p * A[paths[:, t - 1], paths[:, t]] * B[paths[:, t], o[t]]
    return p


obs = [0, 0, 0, 2, 2]  # 散步、散步、散步、宅家、宅家
path, log_p = viterbi(obs)
p = joint(obs)
share = log_p.exp() / p.sum()  # 这条路径占 P(O) = Σ_Q P(Q, O) 的比例
print(
    "Viterbi：",
    "".join(states[q] for q in path),
    f"P(Q, O) = {log_p.exp():.3e}，占 P(O) 的 {share:.1%}",
)
# > Viterbi： 晴晴晴晴晴 P(Q, O) = 8.857e-04，占 P(O) 的 20.6%

# 逐个位置取后验概率 P(q_t = j | O) 最大的状态（后验由枚举得到）
posterior = torch.zeros(T, N, dtype=torch.float64)
for t in range(T):
    posterior[t].index_add_(0, paths[:, t], p)
posterior = posterior / p.sum()
pointwise = posterior.argmax(dim=1).tolist()
p_pointwise = p[(paths == torch.tensor(pointwise)).all(dim=1)].item()
print("逐位置后验最大：", "".join(states[q] for q in pointwise), f"P(Q, O) = {p_pointwise:.3e}")
# > 逐位置后验最大： 晴晴晴阴阴 P(Q, O) = 5.905e-04

# 检查 1：对全部 243 个长度为 5 的观测序列，Viterbi 的路径和概率都等于暴力枚举的 argmax 和 max
for seq in itertools.product(range(3), repeat=T):
    vpath, vlog = viterbi(list(seq))
    pj = joint(list(seq))
    assert vpath == paths[pj.argmax()].tolist()
    assert abs(vlog.exp() - pj.max()) < 1e-12 * pj.max()
# 检查 2：逐位置后验最大的状态拼起来，与 Viterbi 路径不同，联合概率也更小
assert pointwise != path and p_pointwise < p.max()
# 检查 3：最可能的一条路径只占 P(O) 的一部分：前向算法对全部路径求和，Viterbi 只取最大的一条
assert share < 0.5
