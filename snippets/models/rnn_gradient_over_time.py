"""‖∂h_T/∂h_0‖ 随 T 指数变化，速率由循环雅可比矩阵 diag(tanh′)·W_hh 决定：
看的是谱半径（特征值的最大模），不是单个权重是否小于 1；tanh 的饱和会压住增长，ReLU 不会。"""

import torch
from torch import nn

torch.manual_seed(0)

d, n = 3, 8
Ts = (5, 10, 20, 40)
X = torch.randn(40, 1, d, dtype=torch.float64)
h0 = torch.zeros(1, 1, n, dtype=torch.float64)


def make_rnn(W_hh: torch.Tensor, nonlinearity: str = "tanh") -> nn.RNN:
    rnn = nn.RNN(d, n, nonlinearity=nonlinearity).double()
    with torch.no_grad():
        rnn.weight_hh_l0.copy_(W_hh)
    return rnn


def jac_norms(rnn: nn.RNN, X: torch.Tensor) -> list[float]:
    """对每个 T，用 autograd 求 ∂h_T/∂h_0（n×n），返回它的谱范数。"""
    norms = []
    for T in Ts:
        J = torch.autograd.functional.jacobian(lambda h, T=T: rnn(X[:T], h)[1], h0)
        norms.append(torch.linalg.matrix_norm(J.reshape(n, n), 2).item())
    return norms


def spectral_radius(W: torch.Tensor) -> float:
    return torch.linalg.eigvals(W).abs().max().item()


# 1) 零状态附近（输入、偏置都为 0，h_t 一直是 0，tanh′(0) = 1）：∂h_T/∂h_0 = W_hh 的 T 次方
W_small = torch.full((n, n), 0.2, dtype=torch.float64)  # 每个元素都小于 1
W_big = 0.5 * torch.eye(n, dtype=torch.float64)
W_big[0, 1] = 3.0  # 有一个元素大于 1
X_zero = torch.zeros_like(X)
linear = {}
for name, W in (("元素全是 0.2", W_small), ("含元素 3", W_big)):
    rnn = make_rnn(W)
    with torch.no_grad():
        rnn.bias_ih_l0.zero_()
        rnn.bias_hh_l0.zero_()
    linear[name] = jac_norms(rnn, X_zero)
    print(f"{name}：谱半径 {spectral_radius(W):.2f}，T=40 时 {linear[name][-1]:.1e}")
# > 元素全是 0.2：谱半径 1.60，T=40 时 1.5e+08
# > 含元素 3：谱半径 0.50，T=40 时 2.2e-10

# 2) tanh、真实输入、W_hh = 0.9 × 正交矩阵（谱半径 = 谱范数 = 0.9）
W_09 = nn.init.orthogonal_(torch.empty(n, n, dtype=torch.float64), gain=0.9)
tanh_09 = jac_norms(make_rnn(W_09), X)
print(f"ρ=0.9 tanh：T=40 时 {tanh_09[-1]:.1e}，上界 0.9^40 = {0.9**40:.1e}")
# > ρ=0.9 tanh：T=40 时 1.2e-06，上界 0.9^40 = 1.5e-02

# 3) W_hh = 1.5 I（谱半径 1.5）：tanh 与 ReLU 对比
W_15 = 1.5 * torch.eye(n, dtype=torch.float64)
rnn_tanh, rnn_relu = make_rnn(W_15, "tanh"), make_rnn(W_15, "relu")
tanh_15, relu_15 = jac_norms(rnn_tanh, X), jac_norms(rnn_relu, X)
h_tanh, h_relu = rnn_tanh(X, h0)[1].abs().max().item(), rnn_relu(X, h0)[1].abs().max().item()
print(f"ρ=1.5 tanh：{tanh_15[-1]:.1e}，|h_40| ≤ {h_tanh:.2f}")
print(f"ρ=1.5 ReLU：{relu_15[-1]:.1e}，|h_40| 最大 {h_relu:.1e}")
# > ρ=1.5 tanh：2.2e-10，|h_40| ≤ 0.97
# > ρ=1.5 ReLU：1.1e+07，|h_40| 最大 8.0e+06

# 检查 1：元素都小于 1，‖∂h_T/∂h_0‖ 却恰好是 1.6^T（谱半径 0.2 × 8 = 1.6）
assert abs(spectral_radius(W_small) - 1.6) < 1e-9 and W_small.max() < 1
for T, v in zip(Ts, linear["元素全是 0.2"], strict=True):
    assert abs(v / 1.6**T - 1) < 1e-9
# 检查 2：有元素等于 3，长期仍按谱半径 0.5 衰减：T 从 20 到 40 每步平均乘 0.5 左右
assert abs(spectral_radius(W_big) - 0.5) < 1e-9 and W_big.max() > 1
v20, v40 = linear["含元素 3"][2], linear["含元素 3"][3]
assert abs((v40 / v20) ** (1 / 20) - 0.5) < 0.05 and v40 < 1e-9
# 检查 3：tanh′ ≤ 1，谱范数 0.9 时 ‖∂h_T/∂h_0‖ ≤ 0.9^T，至少按指数衰减
assert all(v <= 0.9**T for T, v in zip(Ts, tanh_09, strict=True))
# 检查 4：W_hh = 1.5 I 是对角的，ReLU 的雅可比 ∂h_40/∂h_0 = diag(1.5^40 · [单元 j 一直激活])；
#         8 个单元里只要有一个 40 步都激活，谱范数就恰好是 1.5^T，状态也跟着爆炸
alive = (rnn_relu(X, h0)[0][:, 0] > 0).all(dim=0)  # 每个单元是否 40 步都激活
print(f"ReLU：40 步都激活的单元 {int(alive.sum())}/{n} 个")
# > ReLU：40 步都激活的单元 4/8 个
J40 = torch.autograd.functional.jacobian(lambda h: rnn_relu(X, h)[1], h0).reshape(n, n)
torch.testing.assert_close(J40, torch.diag(1.5**40 * alive.double()), rtol=1e-9, atol=0.0)
for T, v in zip(Ts, relu_15, strict=True):
    assert abs(v / 1.5**T - 1) < 1e-9
assert h_relu > 1e6
# 检查 5：同样的 W_hh，tanh 的状态被限制在 (−1, 1)；梯度起初大于 1，随后饱和让它消失
assert h_tanh < 1
assert tanh_15[0] > 1 and tanh_15[-1] < 1e-6
