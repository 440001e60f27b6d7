"""skip-gram 与 CBOW 的完整 softmax 目标：手写公式对照 F.cross_entropy；
归一化项要对整个词表求和，梯度落在输出矩阵的全部 V 行上。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, d = 20, 8
W_in = nn.Embedding(V, d)  # 输入向量 v_w（中心词用）
W_out = nn.Embedding(V, d)  # 输出向量 u_w（被预测的词用）

# skip-gram：中心词 c 预测上下文词 o
c, o = 3, 7
v_c = W_in.weight[c]
scores = W_out.weight @ v_c  # (V,)：与词表里每个词做一次点积，共 V·d 次乘法
log_p_o = scores[o] - torch.logsumexp(scores, dim=0)  # log P(o | c)
loss_sg = -log_p_o

# CBOW：上下文词的输入向量取平均，预测中心词
context = torch.tensor([1, 2, 4, 5])
h = W_in(context).mean(dim=0)
scores_cbow = W_out.weight @ h
loss_cbow = -(scores_cbow[c] - torch.logsumexp(scores_cbow, dim=0))
print(f"skip-gram {loss_sg.item():.4f}，CBOW {loss_cbow.item():.4f}")
# > skip-gram 4.7182，CBOW 2.5727

loss_sg.backward()
rows_with_grad = int((W_out.weight.grad.abs().sum(dim=1) > 0).sum())
print(f"一个样本对更新输出矩阵的 {rows_with_grad} / {V} 行")
# > 一个样本对更新输出矩阵的 20 / 20 行

# 检查 1：两种目标都是“以词表为类别”的 softmax 交叉熵
torch.testing.assert_close(loss_sg, F.cross_entropy(scores[None], torch.tensor([o])))
torch.testing.assert_close(loss_cbow, F.cross_entropy(scores_cbow[None], torch.tensor([c])))
# 检查 2：对 v_c 的梯度 = U^T (p - e_o)，p 是整个词表上的 softmax，所以每个词都参与
p = torch.softmax(scores, dim=0).detach()
e_o = F.one_hot(torch.tensor(o), V).float()
torch.testing.assert_close(W_in.weight.grad[c], W_out.weight.detach().T @ (p - e_o))
# 检查 3：输出矩阵每一行都有梯度：第 w 行的梯度是 (p_w - [w = o]) v_c，p_w > 0 永远不为零
assert rows_with_grad == V
torch.testing.assert_close(W_out.weight.grad, torch.outer(p - e_o, v_c.detach()))
