"""手写 LSTM：W_ih 形状 (4H, in)，按 i, f, g, o 的顺序切成四块；
c_t = f ⊙ c_{t-1} + i ⊙ g，h_t = o ⊙ tanh(c_t)。与 nn.LSTMCell、nn.LSTM 逐元素一致。"""

import torch
from torch import nn

torch.manual_seed(0)

n_in, H, T, N = 3, 4, 6, 2  # 输入维度、隐藏维度、序列长度、批大小
lstm = nn.LSTM(n_in, H).double()  # 默认输入形状 (T, N, n_in)
W_ih, W_hh = lstm.weight_ih_l0, lstm.weight_hh_l0
b_ih, b_hh = lstm.bias_ih_l0, lstm.bias_hh_l0
print(tuple(W_ih.shape), tuple(W_hh.shape), tuple(b_ih.shape))
# > (16, 3) (16, 4) (16,)


def lstm_step(
    x: torch.Tensor, h: torch.Tensor, c: torch.Tensor, order: str = "ifgo"
) -> tuple[torch.Tensor, torch.Tensor]:
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh  # (N, 4H)：四个门的预激活一次算完
    a = dict(zip(order, gates.chunk(4, dim=1), strict=True))
    i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
    g = torch.tanh(a["g"])  # 候选值用 tanh，取值 (-1, 1)
    c = f * c + i * g  # 细胞状态：加法更新
    h = o * torch.tanh(c)
    return h, c


X = torch.randn(T, N, n_in, dtype=torch.float64)
h = torch.zeros(N, H, dtype=torch.float64)
c = torch.zeros(N, H, dtype=torch.float64)
outputs, cs = [], []
for x in X:
    h, c = lstm_step(x, h, c)
    outputs.append(h)
    cs.append(c)
outputs = torch.stack(outputs)
out, (h_n, c_n) = lstm(X)  # 不给初始状态时 PyTorch 用全 0
print(tuple(out.shape), tuple(h_n.shape), tuple(c_n.shape))
# > (6, 2, 4) (1, 2, 4) (1, 2, 4)

# 检查 1：整段序列与 nn.LSTM 一致；out 是每一步的 h_t，h_n 就是最后一步的 h_T
torch.testing.assert_close(outputs, out)
torch.testing.assert_close(h_n[0], out[-1])
torch.testing.assert_close(c_n[0], c)

# 检查 2：单步与 nn.LSTMCell（同样的权重）一致
cell = nn.LSTMCell(n_in, H).double()
with torch.no_grad():
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(cell, name).copy_(getattr(lstm, name + "_l0"))
h0, c0 = torch.randn(N, H, dtype=torch.float64), torch.randn(N, H, dtype=torch.float64)
h1, c1 = cell(X[0], (h0, c0))
torch.testing.assert_close((h1, c1), lstm_step(X[0], h0, c0))

# 检查 3：门的顺序很重要：按 i, f, o, g 去切（把第 3、4 块当成 o、g）结果就错了
assert not torch.allclose(h1, lstm_step(X[0], h0, c0, order="ifog")[0])

# 检查 4：输出门只管 h_t = o ⊙ tanh(c_t)，不管 c_t：把 o 的偏置调到 -40（o ≈ 0），
# h_t 变成 0，c_t 却和原来一样，照常传给下一步
with torch.no_grad():
    cell.bias_ih[3 * H :] = -40.0
h1_closed, c1_closed = cell(X[0], (h0, c0))
torch.testing.assert_close(h1_closed, torch.zeros_like(h1))
torch.testing.assert_close(c1_closed, c1)

# 检查 5：|h_t| < 1；c_0 = 0 时 |c_t| ≤ t（f < 1，每步最多加上 |i ⊙ g| < 1）
assert (out.abs() < 1).all()
for t, c_t in enumerate(cs, start=1):
    assert (c_t.abs() <= t).all()

# 检查 6：c 并不限制在 (-1, 1)：四个门的偏置都设成 20（i ≈ f ≈ o ≈ 1，g ≈ 1），
# c 每步加 1 像计数器，T 步后 c_T ≈ T，而 h_T = o ⊙ tanh(c_T) 仍小于 1
with torch.no_grad():
    lstm.bias_ih_l0.fill_(20.0)
_, (h_n, c_n) = lstm(X)
torch.testing.assert_close(c_n, torch.full_like(c_n, float(T)))
assert (c_n < T).all() and (h_n < 1).all()  # 上界 |c_T| < T 在这里几乎取到，但仍成立
