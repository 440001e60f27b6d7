"""遗忘门偏置初始化为 1：它在每层 bias_ih 和 bias_hh 的第 H..2H 个元素（门的顺序 i, f, g, o）。
起作用的是两者之和，所以一个设 1、另一个设 0。"""

import torch
from torch import nn
from torch.autograd.functional import jacobian

torch.manual_seed(0)

n_in, H, L = 3, 4, 2
lstm = nn.LSTM(n_in, H, num_layers=L)


def set_forget_bias(lstm: nn.LSTM, value: float) -> None:
    H = lstm.hidden_size
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if name.startswith("bias_ih"):  # bias_ih_l0, bias_ih_l1, …
                p[H : 2 * H] = value
            elif name.startswith("bias_hh"):
                p[H : 2 * H] = 0.0


def forget_gate_at_zero_input(lstm: nn.LSTM) -> torch.Tensor:
    """x = 0、h = 0 时第 1 层的遗忘门：它就是 ∂c_1/∂c_0 的对角线。"""
    x = torch.zeros(1, 1, n_in)
    h0 = torch.zeros(L, 1, H)

    def c1(c0_layer0: torch.Tensor) -> torch.Tensor:
        c0 = torch.cat([c0_layer0, torch.zeros(L - 1, 1, H)])
        return lstm(x, (h0, c0))[1][1][0]  # (h_n, c_n) 里的 c_n，取第 1 层

    J = jacobian(c1, torch.zeros(1, 1, H))
    return torch.diagonal(J.reshape(H, H))


def mean_forget_gate(lstm: nn.LSTM) -> float:
    """随机输入、随机状态下第 1 层遗忘门的平均值。"""
    x = torch.randn(1000, n_in)
    h = torch.randn(1000, H) * 0.5
    pre = x @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + h @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
    return torch.sigmoid(pre[:, H : 2 * H]).mean().item()


f_default = mean_forget_gate(lstm)
set_forget_bias(lstm, 1.0)
f_one = mean_forget_gate(lstm)
print(f"默认初始化：平均 f = {f_default:.2f}；遗忘门偏置设为 1：平均 f = {f_one:.2f}")
# > 默认初始化：平均 f = 0.50；遗忘门偏置设为 1：平均 f = 0.72

# 检查 1：输入和状态为 0 时 f = σ(b_if + b_hf) = σ(1) ≈ 0.731
torch.testing.assert_close(forget_gate_at_zero_input(lstm), torch.sigmoid(torch.ones(H)))
# 检查 2：两层都改了，而且只改了第 H..2H 个元素
for layer in range(L):
    b_ih = getattr(lstm, f"bias_ih_l{layer}")
    assert (b_ih[H : 2 * H] == 1).all() and not (b_ih[:H] == 1).any()
# 检查 3：常见的错误做法：bias_ih、bias_hh 都填 1，实际偏置是 2，f = σ(2) ≈ 0.881
with torch.no_grad():
    lstm.bias_hh_l0[H : 2 * H] = 1.0
torch.testing.assert_close(forget_gate_at_zero_input(lstm), torch.sigmoid(2 * torch.ones(H)))
# 检查 4：平均遗忘门从约 0.5 升到约 σ(1)
assert abs(f_default - 0.5) < 0.05 and abs(f_one - torch.sigmoid(torch.tensor(1.0))) < 0.05
