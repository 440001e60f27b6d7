"""方差推导：y = Σ w_i x_i（独立、零均值）时 Var(y) = n_in·Var(w)·Var(x)；
反向 Var(∂L/∂x) = n_out·Var(w)·Var(∂L/∂y)；ReLU 砍掉一半：E[ReLU(z)²] = Var(z)/2。"""

import torch

torch.manual_seed(0)

n_in, n_out, batch = 256, 128, 4096
var_w, var_x = 0.01, 4.0
W = torch.randn(n_out, n_in) * var_w**0.5  # 权重：零均值、方差 var_w
X = torch.randn(batch, n_in) * var_x**0.5  # 输入：零均值、方差 var_x

# 前向：每个输出是 n_in 个独立乘积 w_i x_i 之和，每个乘积的方差是 Var(w)·Var(x)
Y = X @ W.T
print(f"{Y.var().item():.2f} {n_in * var_w * var_x:.2f}")
# > 10.28 10.24

# 反向：∂L/∂X = (∂L/∂Y) W，每个分量是 n_out 个乘积之和
X.requires_grad_()
grad_Y = torch.randn(batch, n_out)  # 假设上游梯度方差为 1
(grad_X,) = torch.autograd.grad(X @ W.T, X, grad_outputs=grad_Y)
print(f"{grad_X.var().item():.2f} {n_out * var_w * 1.0:.2f}")
# > 1.28 1.28

# ReLU：对称的零均值 z，一半被置 0，另一半的平方均值不变
z = torch.randn(1_000_000) * 3.0
relu_sq = torch.relu(z).pow(2).mean().item()
print(f"{relu_sq:.2f} {z.var().item() / 2:.2f}")
# > 4.50 4.50

# 检查：三个公式都与统计结果相差不到 3%
assert abs(Y.var().item() / (n_in * var_w * var_x) - 1) < 0.03
assert abs(grad_X.var().item() / (n_out * var_w) - 1) < 0.03
assert abs(relu_sq / (z.var().item() / 2) - 1) < 0.03
# 检查：于是前向保持方差要 Var(w) = 1/n_in，反向要 1/n_out，Xavier 取折中 2/(n_in + n_out)
W_xavier = torch.nn.init.xavier_normal_(torch.empty(n_out, n_in))
assert abs(W_xavier.var().item() / (2 / (n_in + n_out)) - 1) < 0.03
