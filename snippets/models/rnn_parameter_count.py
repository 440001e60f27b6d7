"""RNN 参数量：每层每个方向 H·d_in + H·H + 2H（PyTorch 有 b_ih、b_hh 两个偏置），
第 2 层起 d_in = H × 方向数；与序列长度无关。两个偏置只有它们的和起作用。"""

import torch
from torch import nn

torch.manual_seed(0)


def rnn_params(d: int, H: int, num_layers: int = 1, bidirectional: bool = False, bias=True) -> int:
    D = 2 if bidirectional else 1  # 方向数
    total = 0
    for layer in range(num_layers):
        d_in = d if layer == 0 else D * H  # 上一层各方向的输出拼在一起
        total += D * (H * d_in + H * H + (2 * H if bias else 0))  # W_ih、W_hh、b_ih、b_hh
    return total


configs = [
    dict(d=10, H=20),
    dict(d=10, H=20, bias=False),
    dict(d=10, H=20, num_layers=2),
    dict(d=10, H=20, num_layers=2, bidirectional=True),
]
for cfg in configs:
    d, H = cfg.pop("d"), cfg.pop("H")
    rnn = nn.RNN(d, H, **cfg)
    n_torch = sum(p.numel() for p in rnn.parameters())
    print(n_torch)
    # 检查：公式与 PyTorch 的实际参数个数一致
    assert rnn_params(d, H, **cfg) == n_torch
# > 640
# > 600
# > 1480
# > 3760

# 语言模型式的完整网络：词嵌入 → RNN → 每个时刻接同一个输出层 y_t = W_hy h_t + b_y
V, E, H = 50, 8, 16  # 词表大小、词向量维度、隐藏维度
emb, rnn, head = nn.Embedding(V, E), nn.RNN(E, H), nn.Linear(H, V)
n_total = sum(p.numel() for m in (emb, rnn, head) for p in m.parameters())
print(n_total)
# > 1666

# 两个偏置是冗余的：把 b_hh 并进 b_ih、b_hh 清零，输出完全不变
x = torch.randn(7, 2, E)
out_before, _ = rnn(x)
with torch.no_grad():
    rnn.bias_ih_l0 += rnn.bias_hh_l0
    rnn.bias_hh_l0.zero_()
out_after, _ = rnn(x)

# 检查：V·E + (H·E + H·H + 2H) + (V·H + V)
assert n_total == V * E + (H * E + H * H + 2 * H) + (V * H + V)
# 检查：同一组参数直接处理长度 70 的序列（权重不含 T，参数量不随长度变化）
assert rnn(torch.randn(70, 2, E))[0].shape == (70, 2, H)
# 检查：只有 b_ih + b_hh 起作用
torch.testing.assert_close(out_before, out_after)
