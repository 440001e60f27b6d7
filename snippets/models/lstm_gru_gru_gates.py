"""GRU 两个门的确切作用（以 nn.GRUCell 为准）：
z 是保留旧状态的比例，r 只影响候选状态 n；教科书上的两种写法与 PyTorch 的关系。"""

import torch
from torch import nn

torch.manual_seed(0)

n_in, H, N = 3, 4, 5
cell = nn.GRUCell(n_in, H).double()
x = torch.randn(N, n_in, dtype=torch.float64)
h = torch.randn(N, H, dtype=torch.float64)
W_ir, W_iz, W_in = cell.weight_ih.detach().chunk(3)
W_hr, W_hz, W_hn = cell.weight_hh.detach().chunk(3)
b_ir, b_iz, b_in = cell.bias_ih.detach().chunk(3)
b_hr, b_hz, b_hn = cell.bias_hh.detach().chunk(3)
r = torch.sigmoid(x @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
z = torch.sigmoid(x @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
n = torch.tanh(x @ W_in.T + b_in + r * (h @ W_hn.T + b_hn))  # PyTorch / cuDNN 的写法

# 另一种常见写法（Chung 等 2014、很多博客）：h' = (1 - u) ⊙ h + u ⊙ n，u 是“写入新内容”的比例。
# 1 - σ(a) = σ(-a)，把 z 的权重和偏置取负号就得到 u：两种写法只差一次重新参数化
u = torch.sigmoid(-(x @ W_iz.T + b_iz + h @ W_hz.T + b_hz))
h_chung = (1 - u) * h + u * n

# 原论文（Cho 等 2014）与 Chung 等的候选状态：先 r ⊙ h，再乘矩阵
n_paper = torch.tanh(x @ W_in.T + b_in + (r * h) @ W_hn.T + b_hn)

# 检查 1：PyTorch 的 h' = (1 - z) ⊙ n + z ⊙ h；“u 写法”换了门的含义，结果相同
torch.testing.assert_close(cell(x, h), (1 - z) * n + z * h)
torch.testing.assert_close(cell(x, h), h_chung)

# 检查 2：r 放在矩阵乘法之前还是之后，是两个不同的模型（PyTorch 是之后）
assert not torch.allclose(n, n_paper)

with torch.no_grad():
    b = cell.bias_hh.view(3, H)  # 三行依次是 r, z, n 的偏置（视图，改它就改了 bias_hh）
    # 检查 3：z → 1（z 的偏置很大）时 h' = h：原样保留旧状态，梯度也能无损通过
    b[1] = 40.0
    torch.testing.assert_close(cell(x, h), h)
    # 检查 4：z → 0 时 h' = n：旧状态整个被候选状态替换
    b[1] = -40.0
    torch.testing.assert_close(cell(x, h), n)
    # 检查 5：r → 0 时候选状态不看 h：n = tanh(W_in x + b_in)，只由当前输入决定
    b[0] = -40.0
    torch.testing.assert_close(cell(x, h), torch.tanh(x @ W_in.T + b_in))
    # 但 r → 0 并没有“清空记忆”：z 不为 0 时 h' 仍含有 z ⊙ h
    b[1] = 0.0
    h_reset = cell(x, h)
    z0 = torch.sigmoid(x @ W_iz.T + b_iz + h @ W_hz.T)  # 偏置 b_hz 已改成 0
    torch.testing.assert_close(h_reset, (1 - z0) * torch.tanh(x @ W_in.T + b_in) + z0 * h)
