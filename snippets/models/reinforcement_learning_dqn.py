"""很小的 DQN：经验回放 + 目标网络，3×3 网格上 5 个种子都学到最优策略；目标要阻断梯度。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 与 Q-learning 相同的确定性网格：走进 8 得 +1，走进 4（陷阱）得 -1，两者终止；γ = 0.9。
S, A, gamma = 9, 4, 0.9
terminal = {4, 8}
moves = ((-1, 0), (1, 0), (0, -1), (0, 1))


def step(s, a):
    r, c = divmod(s, 3)
    r2, c2 = min(max(r + moves[a][0], 0), 2), min(max(c + moves[a][1], 0), 2)
    s2 = 3 * r2 + c2
    return s2, {8: 1.0, 4: -1.0}.get(s2, 0.0), s2 in terminal


# 参照：价值迭代得到的 Q*
Q_star = torch.zeros(S, A, dtype=torch.float64)
for _ in range(100):
    for s in set(range(S)) - terminal:
        for a in range(A):
            s2, r, done = step(s, a)
            Q_star[s, a] = r + (0.0 if done else gamma * Q_star[s2].max())

eye = torch.eye(S)  # 状态用独热向量输入网络


starts = torch.tensor([0, 1, 2, 3, 5, 6, 7])  # 非终止状态，回合从其中随机一个开始


def train_dqn(seed, num_steps=500, batch_size=32, sync_every=25):
    torch.manual_seed(seed)
    q_net = nn.Sequential(nn.Linear(S, 32), nn.ReLU(), nn.Linear(32, A))
    target_net = nn.Sequential(nn.Linear(S, 32), nn.ReLU(), nn.Linear(32, A))
    target_net.load_state_dict(q_net.state_dict())  # 目标网络：在线网络的一份拷贝
    opt = torch.optim.Adam(q_net.parameters(), lr=0.01)
    # 经验回放缓冲区：第 t 步的 (s, a, r, s', done) 存在第 t 行
    buf_s, buf_a, buf_s2 = (torch.zeros(num_steps, dtype=torch.long) for _ in range(3))
    buf_r, buf_done = torch.zeros(num_steps), torch.zeros(num_steps)
    s = starts[torch.randint(7, ()).item()].item()
    for t in range(num_steps):
        eps = max(0.1, 1.0 - t / 250)  # ε-贪心，ε 从 1 线性降到 0.1
        if torch.rand(()).item() < eps:
            a = torch.randint(A, ()).item()
        else:
            with torch.no_grad():
                a = q_net(eye[s]).argmax().item()
        s2, r, done = step(s, a)
        buf_s[t], buf_a[t], buf_r[t], buf_s2[t], buf_done[t] = s, a, r, s2, done
        s = starts[torch.randint(7, ()).item()].item() if done else s2
        # 从缓冲区均匀抽一个小批量：打乱时间上的相关性，旧经验被反复利用
        idx = torch.randint(t + 1, (batch_size,))
        with torch.no_grad():  # 目标 y = r + γ max_a' Q_target(s', a')，对它不求梯度
            next_q = target_net(eye[buf_s2[idx]]).max(1).values
            y = buf_r[idx] + gamma * (1 - buf_done[idx]) * next_q
        q_sa = q_net(eye[buf_s[idx]]).gather(1, buf_a[idx, None]).squeeze(1)
        loss = F.smooth_l1_loss(q_sa, y)  # Huber 损失
        opt.zero_grad()
        loss.backward()
        opt.step()
        if (t + 1) % sync_every == 0:
            target_net.load_state_dict(q_net.state_dict())  # 每隔 C 步同步一次
    return q_net(eye).detach().double()


solved = 0
nonterminal = starts
for seed in range(5):
    Q = train_dqn(seed)
    greedy_optimal = all(Q_star[s, Q[s].argmax()] > Q_star[s].max() - 1e-9 for s in nonterminal)
    close = (Q[nonterminal].max(1).values - Q_star[nonterminal].max(1).values).abs().max() < 0.1
    solved += bool(greedy_optimal and close)
print(f"{solved}/5 个种子：贪心策略在每个状态都最优，且 max_a Q 与 V* 相差 < 0.1")
# > 5/5 个种子：贪心策略在每个状态都最优，且 max_a Q 与 V* 相差 < 0.1
assert solved == 5

# 阻断梯度：目标 y 对 θ 求不求导？用一个小批量比较在线网络参数 θ 上的梯度
q_net = nn.Sequential(nn.Linear(S, 32), nn.ReLU(), nn.Linear(32, A))
target_net = nn.Sequential(nn.Linear(S, 32), nn.ReLU(), nn.Linear(32, A))
s, a, s2 = torch.randint(S, (32,)), torch.randint(A, (32,)), torch.randint(S, (32,))
r = torch.randn(32)


def grad_theta(target_from, stop_gradient):
    next_q = target_from(eye[s2]).max(1).values
    y = r + gamma * (next_q.detach() if stop_gradient else next_q)
    loss = F.smooth_l1_loss(q_net(eye[s]).gather(1, a[:, None]).squeeze(1), y)
    return torch.cat([g.flatten() for g in torch.autograd.grad(loss, list(q_net.parameters()))])


# 有目标网络时，y 本来就不依赖 θ：detach 与否，θ 的梯度完全相同（no_grad 只省计算和显存）
assert torch.equal(grad_theta(target_net, True), grad_theta(target_net, False))
# 没有目标网络、y 由同一个网络算时，不 detach 就多出一项穿过 Q_θ(s', ·) 的梯度（残差梯度）
diff = (grad_theta(q_net, True) - grad_theta(q_net, False)).norm() / grad_theta(q_net, True).norm()
assert diff > 0.1
print(f"同一个网络算目标时，不阻断梯度，θ 的梯度相对变化 {diff:.2f}")
# > 同一个网络算目标时，不阻断梯度，θ 的梯度相对变化 0.77
