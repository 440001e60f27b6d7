"""Xavier 与 He 初始化：torch.nn.init 的统计量与公式一致，均匀分布的边界严格等于公式。"""

import math

import torch
from torch import nn

torch.manual_seed(0)

fan_out, fan_in = 512, 1024  # nn.Linear(1024, 512) 的权重形状是 (out, in)
W = torch.empty(fan_out, fan_in)


def bound_and_var(W: torch.Tensor) -> tuple[float, float]:
    return W.abs().max().item(), W.var().item()


# Xavier/Glorot：Var(w) = gain²·2/(n_in + n_out)；均匀分布 U(-a, a) 的方差是 a²/3
a_xavier = math.sqrt(6 / (fan_in + fan_out))
var_xavier = 2 / (fan_in + fan_out)
xu = bound_and_var(nn.init.xavier_uniform_(W))
xn = bound_and_var(nn.init.xavier_normal_(W))
# He/Kaiming（默认 mode="fan_in"、nonlinearity="leaky_relu" 且 a=0，即 ReLU）：Var(w) = 2/n_in
a_he = math.sqrt(6 / fan_in)
var_he = 2 / fan_in
ku = bound_and_var(nn.init.kaiming_uniform_(W, nonlinearity="relu"))
kn = bound_and_var(nn.init.kaiming_normal_(W, nonlinearity="relu"))
kn_out = bound_and_var(nn.init.kaiming_normal_(W, mode="fan_out", nonlinearity="relu"))
print(f"{a_xavier:.5f} {xu[0]:.5f} | {a_he:.5f} {ku[0]:.5f}")
# > 0.06250 0.06250 | 0.07655 0.07655

# 增益 gain：ReLU 是 √2，tanh 是 5/3（经验值），线性和 sigmoid 是 1
gains = {name: nn.init.calculate_gain(name) for name in ["linear", "sigmoid", "tanh", "relu"]}
print({name: round(g, 4) for name, g in gains.items()})
# > {'linear': 1, 'sigmoid': 1, 'tanh': 1.6667, 'relu': 1.4142}
x_tanh = bound_and_var(nn.init.xavier_uniform_(W, gain=gains["tanh"]))

# 检查：均匀分布的取值都在 [-a, a] 内，且最大值几乎贴着 a
for (bound, _), a in [(xu, a_xavier), (ku, a_he), (x_tanh, 5 / 3 * a_xavier)]:
    assert a * 0.999 < bound <= a
# 检查：样本方差与公式相差不到 2%（50 万个样本）
for (_, var), expected in [
    (xu, var_xavier),
    (xn, var_xavier),
    (ku, var_he),
    (kn, var_he),
    (kn_out, 2 / fan_out),
    (x_tanh, (5 / 3) ** 2 * var_xavier),
]:
    assert abs(var / expected - 1) < 0.02
# 检查：增益的取值，以及 leaky_relu 的一般式 √(2/(1 + a²))
assert gains["relu"] == math.sqrt(2) and gains["tanh"] == 5 / 3
assert gains["linear"] == gains["sigmoid"] == 1
assert nn.init.calculate_gain("leaky_relu", 0.2) == math.sqrt(2 / (1 + 0.2**2))
# 检查：卷积核的 fan_in = C_in·k_h·k_w，fan_out = C_out·k_h·k_w
conv_W = nn.init.kaiming_uniform_(torch.empty(64, 32, 3, 3), nonlinearity="relu")
assert math.sqrt(6 / (32 * 3 * 3)) * 0.999 < conv_W.abs().max().item() <= math.sqrt(6 / (32 * 9))
conv_W = nn.init.kaiming_normal_(torch.empty(64, 32, 3, 3), mode="fan_out", nonlinearity="relu")
assert abs(conv_W.var().item() / (2 / (64 * 3 * 3)) - 1) < 0.05
