"""LSTM 的细胞状态是加法更新 c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t：
沿这条路径 ∂c_t/∂c_{t-1} = diag(f_t)，没有权重矩阵，也没有 tanh 的导数。"""

import torch
from torch import nn

torch.manual_seed(0)

n_in, n = 3, 4
cell = nn.LSTMCell(n_in, n).double()
x = torch.randn(1, n_in, dtype=torch.float64)
h = torch.randn(1, n, dtype=torch.float64)
c = torch.randn(1, n, dtype=torch.float64)

# 手算遗忘门：PyTorch 把四个门按 i, f, g, o 的顺序拼在一起
gates = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
i, f, g, o = gates.chunk(4, dim=1)
f = torch.sigmoid(f)
print([round(v, 3) for v in f[0].tolist()])
# > [0.421, 0.598, 0.715, 0.456]

# h_{t-1} 固定时，c_t 对 c_{t-1} 的雅可比矩阵
J = torch.autograd.functional.jacobian(lambda c_prev: cell(x, (h, c_prev))[1], c)

# 检查：∂c_t/∂c_{t-1} = diag(f_t)
torch.testing.assert_close(J.reshape(n, n), torch.diag(f[0]))
# 检查：细胞状态的更新公式与 nn.LSTMCell 一致
c_new = f * c + torch.sigmoid(i) * torch.tanh(g)
torch.testing.assert_close(cell(x, (h, c))[1], c_new)
