"""PyTorch 每层存两份偏置 b_ih、b_hh（与 cuDNN 的公式对应）。LSTM 里只有和 b_ih + b_hh 起作用；
GRU 的 r、z 也是如此，但候选状态里 b_hn 被 r 乘，不能并进 b_in。"""

import torch
from torch import nn

torch.manual_seed(0)

n_in, H, N = 3, 4, 5
x = torch.randn(N, n_in)
h = torch.randn(N, H)
c = torch.randn(N, H)


def merge_biases(cell: nn.Module, rows: slice) -> nn.Module:
    """把 b_hh 的指定几行加到 b_ih 上，再把它们清零。"""
    with torch.no_grad():
        cell.bias_ih[rows] += cell.bias_hh[rows]
        cell.bias_hh[rows] = 0.0
    return cell


lstm = nn.LSTMCell(n_in, H)
h1, c1 = lstm(x, (h, c))
merge_biases(lstm, slice(0, 4 * H))  # 四个门全部合并

gru = nn.GRUCell(n_in, H)
h_gru = gru(x, h)
merge_biases(gru, slice(0, 2 * H))  # 只合并 r、z 两块
h_gru_rz = gru(x, h)
merge_biases(gru, slice(2 * H, 3 * H))  # 再合并 n 这一块
h_gru_n = gru(x, h)
print(f"{(h_gru_n - h_gru).abs().max().item():.3f}")
# > 0.048

# 检查 1：LSTM 只用到 b_ih + b_hh，合并后输出不变（一半偏置参数是冗余的）
torch.testing.assert_close(lstm(x, (h, c)), (h1, c1))
# 检查 2：GRU 的 r、z 偏置也可以合并
torch.testing.assert_close(h_gru_rz, h_gru)
# 检查 3：GRU 的 b_hn 在 r ⊙ (W_hn h + b_hn) 里，合并后输出变了
assert not torch.allclose(h_gru_n, h_gru)
