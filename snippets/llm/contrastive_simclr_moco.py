"""SimCLR 的 NT-Xent 对照逐项循环；MoCo 的队列，动量更新对照 swa_utils 与闭式。"""

import math

import torch
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

torch.manual_seed(0)
N, d, tau = 4, 8, 0.5
x = torch.randn(N, d, dtype=torch.float64)
z1 = F.normalize(x + 0.3 * torch.randn(N, d, dtype=torch.float64), dim=1)  # 第一种增强的投影
z2 = F.normalize(x + 0.3 * torch.randn(N, d, dtype=torch.float64), dim=1)  # 第二种增强的投影


def nt_xent(z1, z2, tau):
    z = torch.cat([z1, z2])  # 2N 个视图
    sim = z @ z.T / tau
    sim = sim.masked_fill(torch.eye(2 * len(z1), dtype=torch.bool), float("-inf"))  # 自己不算负样本
    target = (torch.arange(2 * len(z1)) + len(z1)) % (2 * len(z1))  # 第 i 个视图的正样本是 i±N
    return F.cross_entropy(sim, target), sim


loss, sim = nt_xent(z1, z2, tau)

# 逐项循环：l(i,j) = -log exp(sim(z_i,z_j)/τ) / Σ_{k≠i} exp(sim(z_i,z_k)/τ)，对 2N 个 (i,j) 取平均
z = torch.cat([z1, z2]).tolist()
cos = [[sum(a * b for a, b in zip(u, v, strict=True)) for v in z] for u in z]
total, n_neg = 0.0, []
for i in range(2 * N):
    j = (i + N) % (2 * N)
    denom = sum(math.exp(cos[i][k] / tau) for k in range(2 * N) if k != i)
    total += -(cos[i][j] / tau - math.log(denom))
    n_neg.append(sum(1 for k in range(2 * N) if k not in (i, j)))
assert abs(loss.item() - total / (2 * N)) < 1e-12
assert n_neg == [2 * N - 2] * (2 * N)  # 每个视图有 2N−2 个负样本
assert (
    sim.isfinite().sum(dim=1) - 1
).tolist() == n_neg  # 遮掉对角线后每行剩 2N−1 项：1 个正样本 + 2N−2 个负样本
print(f"NT-Xent = {loss.item():.4f}，每个视图 {n_neg[0]} 个负样本")
# > NT-Xent = 0.8392，每个视图 6 个负样本

# 不遮对角线：自己与自己的相似度 1/τ 是每行最大的一项，损失被它主导，结果不同
wrong = F.cross_entropy(
    torch.cat([z1, z2]) @ torch.cat([z1, z2]).T / tau, (torch.arange(2 * N) + N) % (2 * N)
)
assert wrong > loss + 0.3
print(f"忘了遮对角线：{wrong.item():.4f}")
# > 忘了遮对角线：1.2698

# MoCo：正样本 logit 一列 + 队列里 K 个旧键做负样本，标签永远是 0
K = 16
queue = F.normalize(torch.randn(K, d, dtype=torch.float64), dim=1)
q, k = z1, z2  # 查询编码器与键编码器的输出
l_pos = (q * k).sum(dim=1, keepdim=True)  # [N, 1]
l_neg = q @ queue.T  # [N, K]
moco = F.cross_entropy(torch.cat([l_pos, l_neg], dim=1) / 0.07, torch.zeros(N, dtype=torch.long))
hand = (
    sum(
        -(l_pos[i, 0] / 0.07 - torch.logsumexp(torch.cat([l_pos[i], l_neg[i]]) / 0.07, 0))
        for i in range(N)
    )
    / N
)
torch.testing.assert_close(moco, hand)
# 入队本批的键，出队最旧的一批：队列长度不变（先进先出）
new_queue = torch.cat([queue[N:], k.detach()])
assert (
    new_queue.shape == queue.shape
    and torch.equal(new_queue[-N:], k)
    and torch.equal(new_queue[0], queue[N])
)

# 动量编码器：θ_k ← m θ_k + (1 − m) θ_q，键编码器不接收梯度
m = 0.99
f_q = torch.nn.Linear(d, 4, dtype=torch.float64)
f_k = torch.nn.Linear(d, 4, dtype=torch.float64)
f_k.load_state_dict(f_q.state_dict())  # 初始化为同一组参数
ema = AveragedModel(f_q, multi_avg_fn=get_ema_multi_avg_fn(m))  # PyTorch 自带的 EMA 作对照
ema.update_parameters(f_q)  # 第一次调用只是复制参数（W_0^EMA = W_0），之后才做滑动平均
opt = torch.optim.SGD(f_q.parameters(), lr=0.5)
for _ in range(5):
    opt.zero_grad()
    f_q(x).pow(2).mean().backward()
    opt.step()
    with torch.no_grad():
        for pk, pq in zip(f_k.parameters(), f_q.parameters(), strict=True):
            pk.mul_(m).add_(pq, alpha=1 - m)
    ema.update_parameters(f_q)
for pk, pe, pq in zip(f_k.parameters(), ema.module.parameters(), f_q.parameters(), strict=True):
    torch.testing.assert_close(pk, pe)
    assert (pk - pq).abs().max() > 1e-3  # 键编码器落后于查询编码器，并不等于它

# 闭式：θ_q 固定不动时，t 步之后 θ_k − θ_q = m^t (θ_k0 − θ_q)
# m = 0.99 时 100 步才缩小到 e^{-1} 左右
theta_q, theta_k0 = torch.tensor(1.0, dtype=torch.float64), torch.tensor(0.0, dtype=torch.float64)
theta_k = theta_k0.clone()
for _ in range(100):
    theta_k = m * theta_k + (1 - m) * theta_q
torch.testing.assert_close(theta_k - theta_q, m**100 * (theta_k0 - theta_q))
print(f"100 步后还剩 {(theta_q - theta_k).item():.3f} 的差距（e^-1 = {math.exp(-1):.3f}）")
# > 100 步后还剩 0.366 的差距（e^-1 = 0.368）
