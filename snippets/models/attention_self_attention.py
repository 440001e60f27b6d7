"""自注意力（行向量写法）：Q = XW_Q，K = XW_K，V = XW_V，h_i = Σ_j softmax_j(q_i·k_j/√d_k) v_j。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

n, d_model, d_k, d_v = 5, 8, 4, 6  # 5 个词，每个词 8 维；查询/键 4 维，值 6 维
X = torch.randn(n, d_model)  # 每一行是一个词的向量
W_Q, W_K, W_V = torch.randn(d_model, d_k), torch.randn(d_model, d_k), torch.randn(d_model, d_v)

Q, K, V = X @ W_Q, X @ W_K, X @ W_V  # (5, 4) (5, 4) (5, 6)：查询、键、值都来自同一个 X

# 按公式逐个位置计算：第 i 个输出用第 i 个查询，对所有 j 的值 v_j 加权求和
H_loop = torch.zeros(n, d_v)
for i in range(n):
    alpha_i = F.softmax(torch.stack([Q[i] @ K[j] for j in range(n)]) / math.sqrt(d_k), dim=0)
    H_loop[i] = sum(alpha_i[j] * V[j] for j in range(n))

# 矩阵形式：A = softmax(Q K^T / √d_k) 按行做 softmax，H = A V
A = F.softmax(Q @ K.T / math.sqrt(d_k), dim=-1)  # (n, n)，A[i, j] = alpha_ij
H = A @ V
print(tuple(A.shape), tuple(H.shape))
# > (5, 5) (5, 6)

# 常见的错误写法 sum_j alpha_i v_i：求和项与 j 无关，等于 n · alpha_ii · v_i，只用到自己的值
H_typo = torch.stack([n * A[i, i] * V[i] for i in range(n)])

# 检查 1：逐位置公式 = 矩阵形式 = F.scaled_dot_product_attention
torch.testing.assert_close(H_loop, H)
torch.testing.assert_close(H, F.scaled_dot_product_attention(Q, K, V))
# 检查 2：注意力矩阵每一行是一个概率分布（非负、和为 1）
assert (A >= 0).all()
torch.testing.assert_close(A.sum(dim=-1), torch.ones(n))
# 检查 3：下标写错的公式给出完全不同的结果
assert not torch.allclose(H_typo, H, atol=0.1)

# 检查 4：列向量写法（X 的每一列是一个词，K = W X）只是把上面的一切转置
X_col, W_K_col = X.T, W_K.T  # (d_model, n)、(d_k, d_model)
torch.testing.assert_close(W_K_col @ X_col, K.T)
# nn.Linear 存的权重就是列向量写法的 W（形状 (输出, 输入)），计算的是 X W^T + b
proj = nn.Linear(d_model, d_k, bias=False)
with torch.no_grad():
    proj.weight.copy_(W_K_col)
torch.testing.assert_close(proj(X), K)

# 检查 5：只有一个查询时就是“键值对注意力”：Attention((K, V), q) = sum_i alpha_i v_i
q = torch.randn(d_k)
alpha = F.softmax(K @ q / math.sqrt(d_k), dim=0)
torch.testing.assert_close(alpha @ V, F.scaled_dot_product_attention(q[None], K, V)[0])

# 检查 6：q_i·k_j = x_i^T (W_Q W_K^T) x_j：带投影的点积是一个双线性打分，矩阵的秩不超过 d_k
W_bilinear = W_Q @ W_K.T  # (d_model, d_model) = (8, 8)
torch.testing.assert_close(Q @ K.T, X @ W_bilinear @ X.T)
assert torch.linalg.matrix_rank(W_bilinear) == d_k
# W_Q ≠ W_K 时分数矩阵不对称：i 对 j 的分数不等于 j 对 i 的分数
assert not torch.allclose(Q @ K.T, (Q @ K.T).T)
