"""前馈网络与循环网络：MLP 的输入长度是固定的；RNN 把上一时刻的隐藏状态送回来，
h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh)，
每个时间步共用同一组权重，参数量与序列长度无关。"""

import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=3, hidden_size=4, batch_first=True)  # 默认激活 tanh
W_ih, W_hh, b_ih, b_hh = rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0
print(W_ih.shape, W_hh.shape)
# > torch.Size([4, 3]) torch.Size([4, 4])


def unrolled(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """按时间展开的 for 循环：每一步都用同一组 W_ih、W_hh、b_ih、b_hh。"""
    h = torch.zeros(x.shape[0], 4)  # h_0 = 0
    outputs = []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh)  # h_t 依赖 h_{t−1}
        outputs.append(h)
    return torch.stack(outputs, dim=1), h


x_short, x_long = torch.randn(2, 5, 3), torch.randn(2, 9, 3)  # 长度 5 和 9 的两批序列

# MLP 把整条序列展平后输入：输入维度在建网络时就固定了（这里是 5 × 3 = 15）
mlp = nn.Sequential(nn.Linear(5 * 3, 4), nn.Tanh())
assert mlp(x_short.flatten(1)).shape == (2, 4)
mismatch = False
try:
    mlp(x_long.flatten(1))  # 长度 9 的序列展平后是 27 维，形状对不上
except RuntimeError:
    mismatch = True

# 检查：手写的展开循环与 nn.RNN 的输出、最后隐藏状态一致，两种长度都可以
for x in (x_short, x_long):
    out, h_n = rnn(x)
    out_hand, h_hand = unrolled(x)
    torch.testing.assert_close(out, out_hand)
    torch.testing.assert_close(h_n[0], h_hand)
# 检查：RNN 参数量 = 4×3 + 4×4 + 4 + 4 = 36，与序列长度无关；MLP 处理不了长度 9
assert sum(p.numel() for p in rnn.parameters()) == 4 * 3 + 4 * 4 + 4 + 4
assert mismatch
