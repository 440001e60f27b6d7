"""自注意力对输入顺序是置换等变的：打乱输入，输出按同样方式打乱；加上位置编码后不再如此。"""

import torch
from torch import nn

torch.manual_seed(0)

n, d = 6, 8
mha = nn.MultiheadAttention(d, 2, batch_first=True)
X = torch.randn(1, n, d)
perm = torch.randperm(n)


def self_attn(X: torch.Tensor, **kwargs) -> tuple[torch.Tensor, torch.Tensor]:
    return mha(X, X, X, **kwargs)


out, A = self_attn(X)
out_p, A_p = self_attn(X[:, perm])

# 检查 1：置换等变：f(PX) = P f(X)，注意力矩阵变成 P A P^T
torch.testing.assert_close(out_p, out[:, perm])
torch.testing.assert_close(A_p, A[:, perm][:, :, perm])

# 检查 2：“狗 咬 人”和“人 咬 狗”：没有位置信息时，两句的输出只是重新排列，
#         平均池化后完全相同，模型分不出谁咬谁
emb = nn.Embedding(3, d)  # 0 = 狗，1 = 咬，2 = 人
s1, s2 = emb(torch.tensor([[0, 1, 2]])), emb(torch.tensor([[2, 1, 0]]))
torch.testing.assert_close(self_attn(s1)[0].mean(dim=1), self_attn(s2)[0].mean(dim=1))

# 检查 3：词向量加上位置编码后，打乱顺序的输出不再是原输出的重新排列，两句也能区分了
PE = nn.Embedding(n, d).weight[None]  # 可学习的位置向量（BERT 的做法）：第 pos 个位置加第 pos 行
out_pe = self_attn(X + PE)[0]
out_pe_p = self_attn(X[:, perm] + PE)[0]
assert not torch.allclose(out_pe_p, out_pe[:, perm], atol=1e-3)
PE3 = PE[:, :3]
assert not torch.allclose(
    self_attn(s1 + PE3)[0].mean(dim=1), self_attn(s2 + PE3)[0].mean(dim=1), atol=1e-3
)

# 检查 4：因果掩码本身就和顺序有关，加了它就不再置换等变
causal = torch.ones(n, n, dtype=torch.bool).triu(diagonal=1)  # True = 屏蔽
out_c = self_attn(X, attn_mask=causal)[0]
assert not torch.allclose(self_attn(X[:, perm], attn_mask=causal)[0], out_c[:, perm], atol=1e-3)

# 检查 5：交叉注意力（查询来自解码器 Y，键和值来自编码器 M）：
#         打乱编码器的位置（键、值一起打乱），输出完全不变；打乱查询，输出跟着打乱
Y, M = torch.randn(1, 3, d), torch.randn(1, n, d)
cross, _ = mha(Y, M, M)
torch.testing.assert_close(mha(Y, M[:, perm], M[:, perm])[0], cross)
torch.testing.assert_close(mha(Y[:, [2, 0, 1]], M, M)[0], cross[:, [2, 0, 1]])
print(tuple(cross.shape))
# > (1, 3, 8)
