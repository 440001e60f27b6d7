"""集成解释：对最后一个“线性层 + Softmax”之前的 n 个单元做 Dropout，相当于 2ⁿ 个共享权重的子网络。
推理时的一次确定性前向，恰好等于全部子网络 logits 的期望，
也恰好等于它们输出分布的（加权、归一化）几何平均；它不等于输出分布的算术平均。"""

import itertools

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
p, n, K = 0.5, 10, 4  # 丢弃概率，单元数，类别数
h = torch.relu(torch.randn(n))  # 最后一个隐藏层的输出（前面各层不做 Dropout）
W, b = torch.randn(K, n), torch.randn(K)

# 枚举全部 2¹⁰ = 1024 个子网络（掩码），每个的概率是 (1-p)^保留数 · p^丢弃数
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=n)))
probs = (1 - p) ** masks.sum(dim=1) * p ** (n - masks.sum(dim=1))
logits = (masks * h / (1 - p)) @ W.T + b  # 每个子网络的 logits，形状 (1024, K)
log_q = F.log_softmax(logits, dim=1)

eval_logits = W @ h + b  # 推理：不丢弃、不缩放（反向 Dropout）
geo_mean = F.softmax(probs @ log_q, dim=0)  # 加权几何平均再归一化 = softmax(加权平均的 log 概率)
arith_mean = probs @ log_q.exp()  # 加权算术平均
print(len(masks))
# > 1024
print([round(v, 3) for v in F.softmax(eval_logits, dim=0).tolist()])
# > [0.0, 0.175, 0.817, 0.007]
print([round(v, 3) for v in arith_mean.tolist()])
# > [0.003, 0.223, 0.661, 0.113]

# 检查 1：推理时的 logits 恰好是所有子网络 logits 的期望
torch.testing.assert_close(probs @ logits, eval_logits)
# 检查 2：推理输出恰好是子网络输出分布的归一化几何平均
torch.testing.assert_close(geo_mean, F.softmax(eval_logits, dim=0))
# 检查 3：算术平均（也是合法的概率分布）与推理输出不相等：预测的类别相同，但推理输出更自信
torch.testing.assert_close(arith_mean.sum(), torch.tensor(1.0))
assert (arith_mean - F.softmax(eval_logits, dim=0)).abs().max() > 0.1
assert arith_mean.argmax() == eval_logits.argmax()
assert F.softmax(eval_logits, dim=0).max() > arith_mean.max()
