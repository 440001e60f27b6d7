"""随时间反向传播（BPTT）手推：∂L/∂h_t 来自两处（本时刻的输出 y_t 和下一时刻的 h_{t+1}），
共享权重的梯度是所有时间步的贡献之和。结果与 autograd 对 nn.RNN + nn.Linear 的梯度一致。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

T, B, d, H, V = 6, 2, 3, 4, 5  # 时间步、批量、输入维度、隐藏维度、类别数
rnn, head = nn.RNN(d, H).double(), nn.Linear(H, V).double()  # y_t = W_hy h_t + b_y
W_ih, W_hh, b_ih, b_hh = (p.detach() for p in rnn.parameters())
W_hy, b_y = head.weight.detach(), head.bias.detach()
X = torch.randn(T, B, d, dtype=torch.float64)
targets = torch.randint(0, V, (T, B))  # 每个时刻一个类别（多对多）
h0 = torch.randn(1, B, H, dtype=torch.float64, requires_grad=True)

# autograd：L = Σ_t Σ_b CE(y_t, 目标)
out, _ = rnn(X, h0)
logits = head(out)
L = F.cross_entropy(logits.reshape(T * B, V), targets.reshape(T * B), reduction="sum")
L.backward()

# 手推前向：记下每个 h_t（hs[0] = h_0）
hs = [h0[0].detach()]
for t in range(T):
    hs.append(torch.tanh(X[t] @ W_ih.T + b_ih + hs[-1] @ W_hh.T + b_hh))
ys = [h @ W_hy.T + b_y for h in hs[1:]]

# 手推反向：从 t = T 倒着走
dW_ih, dW_hh, db, dW_hy, db_y = (torch.zeros_like(w) for w in (W_ih, W_hh, b_ih, W_hy, b_y))
dh_next = torch.zeros(B, H, dtype=torch.float64)  # 从 h_{t+1} 传回来的部分，t = T 时为 0
dh_all = [None] * (T + 1)
for t in range(T, 0, -1):
    dy = F.softmax(ys[t - 1], dim=1) - F.one_hot(targets[t - 1], V)  # ∂L/∂y_t
    dh = dy @ W_hy + dh_next  # ∂L/∂h_t = W_hyᵀ ∂L/∂y_t + W_hhᵀ ∂L/∂z_{t+1}
    dz = dh * (1 - hs[t] ** 2)  # 穿过 tanh：∂L/∂z_t
    dW_hh += dz.T @ hs[t - 1]  # 每个时间步都往同一个 W_hh 上累加
    dW_ih += dz.T @ X[t - 1]
    db += dz.sum(0)
    dW_hy += dy.T @ hs[t]
    db_y += dy.sum(0)
    dh_next = dz @ W_hh  # 传给 h_{t−1}
    dh_all[t] = dh
dh0 = dh_next

# 对照：用同样的权重手写前向，让 autograd 给出每个 h_t 的梯度
h = h0[0].detach().requires_grad_()
h_list = [h]
for t in range(T):
    h = torch.tanh(X[t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
    h.retain_grad()
    h_list.append(h)
logits_loop = torch.stack([h @ W_hy.T + b_y for h in h_list[1:]])
F.cross_entropy(logits_loop.reshape(T * B, V), targets.reshape(T * B), reduction="sum").backward()

print(f"L = {L.item():.4f}")
# > L = 20.5050

# 检查：手推的参数梯度与 autograd 对 nn.RNN、nn.Linear 的梯度一致
torch.testing.assert_close(dW_hh, rnn.weight_hh_l0.grad)
torch.testing.assert_close(dW_ih, rnn.weight_ih_l0.grad)
torch.testing.assert_close(dW_hy, head.weight.grad)
torch.testing.assert_close(db_y, head.bias.grad)
torch.testing.assert_close(dh0, h0.grad[0])
# 检查：b_ih 与 b_hh 的梯度总是相同（它们只以和的形式出现）
torch.testing.assert_close(db, rnn.bias_ih_l0.grad)
torch.testing.assert_close(db, rnn.bias_hh_l0.grad)
# 检查：每个 ∂L/∂h_t（两个来源之和）与 autograd 一致
for t in range(1, T + 1):
    torch.testing.assert_close(dh_all[t], h_list[t].grad)
