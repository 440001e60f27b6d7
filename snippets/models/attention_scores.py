"""四种打分函数 + 两步计算（softmax 得到注意力分布，再加权平均），与 PyTorch 的实现一致。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

n, d, d_a = 5, 4, 6  # 5 个输入，每个 4 维；加性模型的隐藏维度 6
X = torch.randn(n, d)  # 每一行是一个输入 x_i
q = torch.randn(d)  # 查询向量

# 可学习参数：加性模型的 W、U、v，双线性模型的 W_b
W, U, v = torch.randn(d_a, d), torch.randn(d_a, d), torch.randn(d_a)
W_b = torch.randn(d, d)

# 四种打分函数，一次算出全部 n 个分数，形状都是 (n,)
s_add = torch.tanh(X @ W.T + U @ q) @ v  # v^T tanh(W x_i + U q)
s_dot = X @ q  # x_i^T q
s_scaled = X @ q / math.sqrt(d)  # x_i^T q / sqrt(d)
s_bilinear = X @ W_b @ q  # x_i^T W q

# 第一步：softmax 把分数变成注意力分布；第二步：按分布对输入加权平均
alpha = torch.exp(s_scaled) / torch.exp(s_scaled).sum()  # 分数很小才能直接 exp，实际要先减最大值
att = alpha @ X  # sum_i alpha_i x_i，形状 (d,)
print(tuple(s_add.shape), tuple(alpha.shape), tuple(att.shape))
# > (5,) (5,) (4,)

# 检查 1：加性模型 = 两个无偏置线性层相加 -> tanh -> 一个线性层（与 nn.Linear 搭的网络一致）
lin_W = nn.Linear(d, d_a, bias=False)
lin_U = nn.Linear(d, d_a, bias=False)
lin_v = nn.Linear(d_a, 1, bias=False)
with torch.no_grad():
    lin_W.weight.copy_(W)
    lin_U.weight.copy_(U)
    lin_v.weight.copy_(v[None])
torch.testing.assert_close(s_add, lin_v(torch.tanh(lin_W(X) + lin_U(q))).squeeze(-1))

# 检查 2：点积逐项等于 x_i · q；缩放点积 = 点积 / sqrt(d)
torch.testing.assert_close(s_dot, torch.stack([torch.dot(x_i, q) for x_i in X]))
torch.testing.assert_close(s_scaled, s_dot / d**0.5)

# 检查 3：双线性模型与 nn.Bilinear（计算 x1^T A x2）一致；W = I 时退化为点积
bil = nn.Bilinear(d, d, 1, bias=False)
with torch.no_grad():
    bil.weight.copy_(W_b[None])
torch.testing.assert_close(s_bilinear, bil(X, q.expand(n, d)).squeeze(-1))
torch.testing.assert_close(X @ torch.eye(d) @ q, s_dot)

# 检查 4：注意力分布与 F.softmax 一致：每个权重在 (0, 1) 内，总和为 1
torch.testing.assert_close(alpha, F.softmax(s_scaled, dim=0))
assert (alpha > 0).all() and (alpha < 1).all()
torch.testing.assert_close(alpha.sum(), torch.tensor(1.0))

# 检查 5：两步合起来就是缩放点积注意力（keys = values = X），与 F.scaled_dot_product_attention 一致
torch.testing.assert_close(att, sum(alpha[i] * X[i] for i in range(n)))
torch.testing.assert_close(att, F.scaled_dot_product_attention(q[None], X, X)[0])

# 检查 6：加性模型允许查询与输入维数不同（这里 q 是 3 维，U 变成 d_a × 3），点积则不行
q3, U3 = torch.randn(3), torch.randn(d_a, 3)
assert (torch.tanh(X @ W.T + U3 @ q3) @ v).shape == (n,)
try:
    X @ q3
except RuntimeError:
    print("点积要求维数相同")
# > 点积要求维数相同

# 检查 7：加权平均落在输入的“范围”里：每一维都在各输入该维的最小值和最大值之间
assert (att >= X.min(dim=0).values).all() and (att <= X.max(dim=0).values).all()
