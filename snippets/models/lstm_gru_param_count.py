"""参数量：每层每个方向 G·(H·in + H·H + 2H)，G = 1（RNN）、3（GRU）、4（LSTM）；
2H 是 PyTorch 的两份偏置 b_ih、b_hh。第 2 层起输入维度是 H（双向时 2H）。"""

import torch
from torch import nn

torch.manual_seed(0)

GATES = {nn.RNN: 1, nn.GRU: 3, nn.LSTM: 4}


def rnn_params(
    G: int, n_in: int, H: int, num_layers: int = 1, bidirectional: bool = False, P: int = 0
) -> int:
    D = 2 if bidirectional else 1
    H_out = P if P > 0 else H  # proj_size = P 时，h 被投影成 P 维
    total = 0
    for layer in range(num_layers):
        layer_in = n_in if layer == 0 else D * H_out
        per_direction = G * (H * layer_in + H * H_out + 2 * H) + (P * H if P > 0 else 0)
        total += D * per_direction
    return total


def count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


n_in, H = 10, 16
cases = {
    # 名称: (类, 层数, 双向)
    "RNN": (nn.RNN, 1, False),
    "GRU": (nn.GRU, 1, False),
    "LSTM": (nn.LSTM, 1, False),
    "LSTM 2 层": (nn.LSTM, 2, False),
    "LSTM 双向": (nn.LSTM, 1, True),
    "GRU 2 层双向": (nn.GRU, 2, True),
}
modules = {
    name: cls(n_in, H, num_layers=L, bidirectional=bi) for name, (cls, L, bi) in cases.items()
}
for name, module in modules.items():
    print(f"{name}: {count(module)}")
# > RNN: 448
# > GRU: 1344
# > LSTM: 1792
# > LSTM 2 层: 3968
# > LSTM 双向: 3584
# > GRU 2 层双向: 7488

# 带投影的 LSTM（LSTMP，proj_size=P）：多一个 weight_hr (P, H)，W_hh 变成 (4H, P)
lstmp = nn.LSTM(n_in, H, num_layers=2, proj_size=8)
print(count(lstmp), tuple(lstmp.weight_hh_l0.shape), tuple(lstmp.weight_hr_l0.shape))
# > 2688 (64, 8) (8, 16)

# 检查 1：公式与 sum(p.numel()) 一致
for name, (cls, L, bi) in cases.items():
    assert count(modules[name]) == rnn_params(GATES[cls], n_in, H, L, bi)
assert count(lstmp) == rnn_params(4, n_in, H, num_layers=2, P=8)

# 检查 2：同样的 n_in、H，LSTM 是 RNN 的 4 倍，GRU 是 LSTM 的 3/4
assert count(modules["LSTM"]) == 4 * count(modules["RNN"])
assert 4 * count(modules["GRU"]) == 3 * count(modules["LSTM"])

# 检查 3：bias=False 时每层少 2·G·H 个参数
assert count(nn.LSTM(n_in, H)) - count(nn.LSTM(n_in, H, bias=False)) == 2 * 4 * H

# 检查 4：输出形状。双向把两个方向的 h 拼起来；proj_size 让 h 变成 P 维，c 仍是 H 维
X = torch.randn(5, 3, n_in)  # (T, N, n_in)
out, (h_n, c_n) = modules["LSTM 双向"](X)
assert out.shape == (5, 3, 2 * H) and h_n.shape == (2, 3, H)
out, (h_n, c_n) = lstmp(X)
assert out.shape == (5, 3, 8) and h_n.shape == (2, 3, 8) and c_n.shape == (2, 3, H)
