"""标量计算图 f = (x + y) · z：前向逐个节点算值，反向按“上游梯度 × 局部梯度”逐个节点求导，
结果与 torch.autograd 一致。"""

import torch

# 前向：q = x + y，f = q · z
x, y, z = -2.0, 5.0, -4.0
q = x + y
f = q * z
print(q, f)
# > 3.0 -12.0

# 反向：从 ∂f/∂f = 1 出发，每个节点把“上游梯度 × 局部梯度”传给自己的输入
df_df = 1.0
df_dq = df_df * z  # 乘法节点 f = q·z：局部梯度 ∂f/∂q = z（另一个输入的值）
df_dz = df_df * q  # ∂f/∂z = q
df_dx = df_dq * 1.0  # 加法节点 q = x + y：局部梯度 ∂q/∂x = 1，上游梯度原样传下去
df_dy = df_dq * 1.0  # ∂q/∂y = 1
print(df_dx, df_dy, df_dz)
# > -4.0 -4.0 3.0

# PyTorch：前向时记录计算图（每个结果记住生成它的运算 grad_fn），backward() 沿图反向走一遍
xt, yt, zt = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (x, y, z))
qt = xt + yt
qt.retain_grad()  # 中间节点的梯度默认用完即丢，要看就得显式保留
ft = qt * zt
print(type(ft.grad_fn).__name__, [type(fn).__name__ for fn, _ in ft.grad_fn.next_functions])
# > MulBackward0 ['AddBackward0', 'AccumulateGrad']
ft.backward()

# 检查：前向的值与手算一致
assert ft.item() == f and qt.item() == q
# 检查：每个输入的梯度、中间节点 q 的梯度都与手算一致
assert (xt.grad.item(), yt.grad.item(), zt.grad.item()) == (df_dx, df_dy, df_dz)
assert qt.grad.item() == df_dq
