"""同样 T = 30 步：普通 RNN 的 ‖∂h_T/∂h_0‖ 指数消失；LSTM 细胞状态这条路上
∂c_T/∂c_0 = diag(f_1 ⊙ ⋯ ⊙ f_T)，遗忘门偏置调大（f ≈ 1）后梯度能留住。"""

import torch
from torch import nn
from torch.autograd.functional import jacobian

torch.manual_seed(0)

n_in, H, T = 4, 8, 30
xs = torch.randn(T, 1, n_in, dtype=torch.float64)
h0 = torch.randn(1, H, dtype=torch.float64) * 0.1
c0 = torch.randn(1, H, dtype=torch.float64) * 0.1

# 普通 RNN：h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)，PyTorch 默认初始化
rnn = nn.RNNCell(n_in, H).double()


def run_rnn(h: torch.Tensor) -> torch.Tensor:
    for x in xs:
        h = rnn(x, h)
    return h


norm_rnn = torch.linalg.matrix_norm(jacobian(run_rnn, h0, vectorize=True)[0, :, 0], 2).item()
print(f"RNN ‖∂h_T/∂h_0‖ = {norm_rnn:.1e}")
# > RNN ‖∂h_T/∂h_0‖ = 3.2e-07

lstm = nn.LSTMCell(n_in, H).double()


def run_lstm(c: torch.Tensor, only_cell_path: bool) -> torch.Tensor:
    h = h0
    for x in xs:
        # only_cell_path：把门当常数，切断 c → h → 下一步的门这些路径，只剩 c_t = f ⊙ c_{t-1} + …
        h_in = h.detach() if only_cell_path else h
        h, c = lstm(x, (h_in, c))
    return c


def forget_gates() -> torch.Tensor:
    """沿同一条轨迹记下每一步的遗忘门 f_t，形状 (T, H)。"""
    h, c, fs = h0, c0, []
    for x in xs:
        pre = x @ lstm.weight_ih.T + lstm.bias_ih + h @ lstm.weight_hh.T + lstm.bias_hh
        fs.append(torch.sigmoid(pre.chunk(4, dim=1)[1])[0])  # i, f, g, o 中的第 2 块
        h, c = lstm(x, (h, c))
    return torch.stack(fs).detach()


results = {}
for b_f in (None, 1.0, 3.0):  # None：PyTorch 默认初始化（偏置在 0 附近均匀分布，f ≈ 0.5）
    if b_f is not None:
        with torch.no_grad():
            lstm.bias_ih[H : 2 * H] = b_f  # 遗忘门偏置在 b_ih、b_hh 的第 H..2H 行
            lstm.bias_hh[H : 2 * H] = 0.0
    fs = forget_gates()
    J_cell = jacobian(lambda c: run_lstm(c, only_cell_path=True), c0, vectorize=True)[0, :, 0]
    J_full = jacobian(lambda c: run_lstm(c, only_cell_path=False), c0, vectorize=True)[0, :, 0]
    results[b_f] = (fs, J_cell, J_full)
    print(
        f"b_f = {b_f}: 平均 f = {fs.mean():.2f}，细胞路径 ∏f 最大 {fs.prod(0).max():.1e}，"
        f"完整 ‖∂c_T/∂c_0‖ = {torch.linalg.matrix_norm(J_full, 2):.1e}"
    )
# > b_f = None: 平均 f = 0.52，细胞路径 ∏f 最大 1.8e-06，完整 ‖∂c_T/∂c_0‖ = 1.2e-04
# > b_f = 1.0: 平均 f = 0.72，细胞路径 ∏f 最大 2.2e-04，完整 ‖∂c_T/∂c_0‖ = 1.4e-02
# > b_f = 3.0: 平均 f = 0.95，细胞路径 ∏f 最大 2.5e-01，完整 ‖∂c_T/∂c_0‖ = 1.4e+00

# 检查 1：只走细胞状态时，∂c_T/∂c_0 恰好是 diag(∏_t f_t)：没有权重矩阵，也没有 tanh'
for fs, J_cell, _ in results.values():
    torch.testing.assert_close(J_cell, torch.diag(fs.prod(0)))

# 检查 2：f ≈ 0.95 时细胞路径 30 步后每个分量还保留 5% 以上；RNN 已经小于 1e-5
fs, _, J_full = results[3.0]
assert fs.prod(0).min() > 0.05 and norm_rnn < 1e-5
# 检查 3：完整的 ‖∂c_T/∂c_0‖ 比 RNN 的 ‖∂h_T/∂h_0‖ 大 6 个数量级以上
assert torch.linalg.matrix_norm(J_full, 2) > 1e6 * norm_rnn
# 检查 4：默认初始化 f ≈ 0.5，细胞路径 30 步后不到 1e-5：光有加法结构不够，f 还要接近 1
assert results[None][0].prod(0).max() < 1e-5
# 检查 5：完整雅可比的范数可以大于 1：经过 h 和 W_hh 的其他路径会放大，LSTM 并不防止爆炸
assert torch.linalg.matrix_norm(J_full, 2) > 1
