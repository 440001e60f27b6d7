"""因子分解机（FM）：二阶项的 O(kn) 恒等式对照 O(kn²) 两两求和，梯度公式对照 autograd。"""

import torch

torch.manual_seed(0)
n, k = 12, 5
x = torch.randn(n, dtype=torch.float64)
x[torch.tensor([1, 4, 6, 8, 10])] = 0.0  # 稀疏输入：一部分特征为 0
V = torch.randn(n, k, dtype=torch.float64, requires_grad=True)
w0, w = torch.tensor(0.3, dtype=torch.float64), torch.randn(n, dtype=torch.float64)


def pairwise(V: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """O(k n²)：逐对累加 <v_i, v_j> x_i x_j（i < j）。"""
    total = torch.zeros((), dtype=torch.float64)
    for i in range(n):
        for j in range(i + 1, n):
            total = total + (V[i] @ V[j]) * x[i] * x[j]
    return total


def fm_fast(V: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """O(k n)：½ Σ_f [(Σ_i v_if x_i)² − Σ_i v_if² x_i²]。"""
    s = x @ V  # (k,)
    return 0.5 * (s.pow(2) - (x.pow(2)) @ V.pow(2)).sum()


# 检查 1：两种算法给出同一个二阶项；还等于上三角的 (x xᵀ) ⊙ (V Vᵀ) 之和
torch.testing.assert_close(fm_fast(V, x), pairwise(V, x))
torch.testing.assert_close(fm_fast(V, x), torch.triu(torch.outer(x, x) * (V @ V.T), 1).sum())

# 检查 2：只有非零特征参与计算，复杂度实际是 O(k · nnz)
nz = x != 0
torch.testing.assert_close(fm_fast(V, x), fm_fast(V[nz], x[nz]))

# 检查 3：梯度 ∂ŷ/∂v_if = x_i Σ_j v_jf x_j − v_if x_i² 与 autograd 一致
y_hat = w0 + w @ x + fm_fast(V, x)
y_hat.backward()
with torch.no_grad():
    grad_formula = x[:, None] * (x @ V)[None, :] - V * x[:, None].pow(2)
torch.testing.assert_close(V.grad, grad_formula)
# x_i = 0 的特征，它的隐向量拿不到梯度
print(bool((V.grad[~nz] == 0).all()), int(nz.sum()), "个特征的隐向量有梯度")
# > True 7 个特征的隐向量有梯度

# 检查 4：DeepFM 的 FM 层。m 个字段（Field）各取一个类别，字段嵌入 e_f = 嵌入表的某一行，
# FM 层 ½[(Σ_f e_f)² − Σ_f e_f²] 等于“所有字段的独热拼接成稀疏 x、V = 嵌入表”时的两两求和
m, vocab = 3, n  # 3 个字段共用一张 12 行的嵌入表（字段 0: ID 0-3，字段 1: 4-7，字段 2: 8-11）
ids = torch.tensor([[2, 5, 11], [0, 7, 8]])  # 批里 2 个样本
E = torch.nn.functional.embedding(ids, V.detach())  # (2, m, k)：DeepFM 的 FM 层与 DNN 共用它
fm_layer = 0.5 * (E.sum(1).pow(2) - E.pow(2).sum(1)).sum(1)
x_sparse = torch.nn.functional.one_hot(ids, vocab).sum(1).double()  # (2, 12)，每行 3 个 1
ref = torch.stack([pairwise(V.detach(), xs) for xs in x_sparse])
torch.testing.assert_close(fm_layer, ref)
dnn_input = E.flatten(1)  # DNN 部分的输入：同一组嵌入拼接
print(tuple(dnn_input.shape))
# > (2, 15)
