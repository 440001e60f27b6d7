"""词元输入 [batch, seq, hidden]：Transformer 的 LayerNorm 对每个词元在 hidden 维上归一化；
BatchNorm1d 则对每个特征在 batch·seq 个位置上归一化。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

B, T, D = 3, 5, 8  # batch、序列长度、隐藏维度
X = torch.randn(B, T, D) * 2 + 0.5
eps = 1e-5

# LayerNorm(D)：每个词元自己一组，B·T 组，每组 D 个数
mu = X.mean(dim=-1, keepdim=True)
var = X.var(dim=-1, keepdim=True, unbiased=False)
ln = (X - mu) / torch.sqrt(var + eps)
print(mu.shape, nn.LayerNorm(D).weight.shape)
# > torch.Size([3, 5, 1]) torch.Size([8])

# BatchNorm1d(D)：每个特征一组，D 组，每组 B·T 个数；它要求输入是 [N, C, L]，所以先转置
mu_bn = X.mean(dim=(0, 1), keepdim=True)
var_bn = X.var(dim=(0, 1), keepdim=True, unbiased=False)
bn = (X - mu_bn) / torch.sqrt(var_bn + eps)
bn_torch = nn.BatchNorm1d(D).train()(X.transpose(1, 2)).transpose(1, 2)

# 常被误说成 LN 的做法：对每个样本的每个特征沿序列长度（seq）归一化——这不是 LayerNorm
over_seq = (X - X.mean(dim=1, keepdim=True)) / torch.sqrt(
    X.var(dim=1, keepdim=True, unbiased=False) + eps
)

# 补齐（padding）：每个样本后面补 3 个全 0 的词元，真实词元的 LN 输出不变，BN 输出变了
X_pad = torch.cat([X, torch.zeros(B, 3, D)], dim=1)
ln_pad = F.layer_norm(X_pad, (D,))[:, :T]
bn_pad = nn.BatchNorm1d(D).train()(X_pad.transpose(1, 2)).transpose(1, 2)[:, :T]

# 检查：手写与 nn.LayerNorm、nn.BatchNorm1d 一致
torch.testing.assert_close(ln, nn.LayerNorm(D)(X))
torch.testing.assert_close(bn, bn_torch)
# 检查：沿序列长度归一化与 LayerNorm 的结果不同
assert not torch.allclose(over_seq, ln, atol=1e-2)
# 检查：改动其他词元（同一句的、别的句子的），某个词元的 LN 输出不变
X2 = X.clone()
X2[:, 1:] = torch.randn(B, T - 1, D)
torch.testing.assert_close(F.layer_norm(X2, (D,))[:, 0], ln[:, 0])
# 检查：补齐的 0 不影响真实词元的 LN 输出，却改变了 BN 的批统计量和输出
torch.testing.assert_close(ln_pad, ln)
assert not torch.allclose(bn_pad, bn, atol=1e-2)
