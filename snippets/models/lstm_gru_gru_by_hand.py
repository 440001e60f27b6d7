"""手写 GRU：W_ih 形状 (3H, in)，按 r, z, n 的顺序切成三块；
n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))，h' = (1 - z) ⊙ n + z ⊙ h。
与 nn.GRUCell、nn.GRU 逐元素一致。"""

import torch
from torch import nn

torch.manual_seed(0)

n_in, H, T, N = 3, 4, 6, 2
gru = nn.GRU(n_in, H, batch_first=True).double()  # batch_first：输入形状 (N, T, n_in)
W_ih, W_hh = gru.weight_ih_l0, gru.weight_hh_l0
b_ih, b_hh = gru.bias_ih_l0, gru.bias_hh_l0
print(tuple(W_ih.shape), tuple(W_hh.shape), tuple(b_hh.shape))
# > (12, 3) (12, 4) (12,)


def gru_step(x: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
    # 输入部分和隐藏部分分开算：n 里的 r 只乘隐藏部分，所以不能先相加
    x_r, x_z, x_n = (x @ W_ih.T + b_ih).chunk(3, dim=1)
    h_r, h_z, h_n = (h @ W_hh.T + b_hh).chunk(3, dim=1)
    r = torch.sigmoid(x_r + h_r)  # 重置门
    z = torch.sigmoid(x_z + h_z)  # 更新门
    n = torch.tanh(x_n + r * h_n)  # 候选状态：r 乘在 (W_hn h + b_hn) 上
    return (1 - z) * n + z * h  # z 是“保留旧状态”的比例


X = torch.randn(N, T, n_in, dtype=torch.float64)
h0 = torch.randn(1, N, H, dtype=torch.float64)
h = h0[0]
outputs = []
for t in range(T):
    h = gru_step(X[:, t], h)
    outputs.append(h)
outputs = torch.stack(outputs, dim=1)
out, h_n = gru(X, h0)
print(tuple(out.shape), tuple(h_n.shape))
# > (2, 6, 4) (1, 2, 4)

# 检查 1：整段序列与 nn.GRU 一致（batch_first 只影响 out 的形状，h_n 仍是 (层数, N, H)）
torch.testing.assert_close(outputs, out)
torch.testing.assert_close(h_n[0], out[:, -1])

# 检查 2：单步与 nn.GRUCell（同样的权重）一致
cell = nn.GRUCell(n_in, H).double()
with torch.no_grad():
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        getattr(cell, name).copy_(getattr(gru, name + "_l0"))
x, h = X[:, 0], torch.randn(N, H, dtype=torch.float64)
torch.testing.assert_close(cell(x, h), gru_step(x, h))

# 检查 3：GRU 只有一个状态 h（没有单独的细胞状态），它就是输出；LSTM 则返回 (h, c) 两个
assert isinstance(cell(x, h), torch.Tensor)
assert len(nn.LSTMCell(n_in, H)(x.float())) == 2
