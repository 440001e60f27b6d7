"""手写 RNN 前向：h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)，逐时间步循环，
每一步用同一组权重。单层、batch_first、两层双向三种配置都与 nn.RNN 逐元素一致。"""

import torch
from torch import nn

torch.manual_seed(0)

T, B, d, H = 5, 2, 3, 4  # 时间步、批量、输入维度、隐藏维度


def layer_by_hand(x: torch.Tensor, rnn: nn.RNN, name: str, reverse: bool):
    """一层一个方向。x: (T, B, 输入维度)，返回所有时刻的 h_t (T, B, H) 和最后的状态。"""
    W_ih, W_hh = getattr(rnn, "weight_ih_" + name), getattr(rnn, "weight_hh_" + name)
    b_ih, b_hh = getattr(rnn, "bias_ih_" + name), getattr(rnn, "bias_hh_" + name)
    steps = range(T - 1, -1, -1) if reverse else range(T)  # 反向：从最后一个时刻读到第一个
    h = torch.zeros(B, H)  # h_0 = 0
    out = [None] * T
    for t in steps:
        h = torch.tanh(x[t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh)  # 同一组权重，每步复用
        out[t] = h
    return torch.stack(out), h


def rnn_by_hand(x: torch.Tensor, rnn: nn.RNN):
    if rnn.batch_first:
        x = x.transpose(0, 1)  # 统一成 (T, B, d) 再算
    h_n = []
    for layer in range(rnn.num_layers):
        outs = []
        for suffix, reverse in [("", False), ("_reverse", True)][: 1 + rnn.bidirectional]:
            out, h_last = layer_by_hand(x, rnn, f"l{layer}{suffix}", reverse)
            outs.append(out)
            h_n.append(h_last)
        x = torch.cat(outs, dim=-1)  # 下一层的输入 = 这一层各方向输出拼起来
    output = x.transpose(0, 1) if rnn.batch_first else x
    return output, torch.stack(h_n)


configs = [
    dict(num_layers=1, bidirectional=False, batch_first=False),
    dict(num_layers=1, bidirectional=False, batch_first=True),
    dict(num_layers=2, bidirectional=True, batch_first=True),
]
results = []
for cfg in configs:
    rnn = nn.RNN(d, H, **cfg)
    x = torch.randn(B, T, d) if cfg["batch_first"] else torch.randn(T, B, d)
    output, h_n = rnn(x)
    output_hand, h_n_hand = rnn_by_hand(x, rnn)
    print(tuple(output.shape), tuple(h_n.shape))
    # 检查：手写循环与 nn.RNN 一致
    torch.testing.assert_close(output, output_hand)
    torch.testing.assert_close(h_n, h_n_hand)
    results.append((output, h_n))
# > (5, 2, 4) (1, 2, 4)
# > (2, 5, 4) (1, 2, 4)
# > (2, 5, 8) (4, 2, 4)

(out_1, h_1), (out_bf, h_bf), (out_bi, h_bi) = results
# 检查：单层单向时，output 的最后一个时刻就是 h_n（seq-first 取 [-1]，batch_first 取 [:, -1]）
torch.testing.assert_close(out_1[-1], h_1[0])
torch.testing.assert_close(out_bf[:, -1], h_bf[0])
# 检查：h_n 不受 batch_first 影响，总是 (层数 × 方向数, B, H)
assert h_bf.shape == (1, B, H) and h_bi.shape == (2 * 2, B, H)
# 检查：两层双向时 h_n 依次是 [第 1 层正向, 第 1 层反向, 第 2 层正向, 第 2 层反向]；
# 第 2 层正向的最后状态在 output 的最后一个时刻，反向的最后状态在 output 的第一个时刻
torch.testing.assert_close(out_bi[:, -1, :H], h_bi[2])
torch.testing.assert_close(out_bi[:, 0, H:], h_bi[3])
assert not torch.allclose(out_bi[:, -1, H:], h_bi[3])
# 检查：多层单向时，output 的最后一个时刻等于 h_n[-1]（最后一层），不是 h_n[0]（第 1 层）
out_2, h_2 = nn.RNN(d, H, num_layers=2)(torch.randn(T, B, d))
torch.testing.assert_close(out_2[-1], h_2[-1])
assert not torch.allclose(out_2[-1], h_2[0])
