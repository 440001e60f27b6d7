"""温度 τ：InfoNCE 对相似度的梯度（autograd 对照解析式），τ 越小，梯度越集中到最难的负样本上。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
# 一个查询与 1 个正样本、8 个负样本的余弦相似度；第 0 个是正样本
s = torch.tensor([0.8, 0.7, 0.6, 0.5, 0.3, 0.1, 0.0, -0.2, -0.5], dtype=torch.float64)
neg = torch.arange(1, 9)
hardest = 1  # 与查询最相似的负样本

shares = []
for tau in [1.0, 0.5, 0.2, 0.1, 0.05, 0.02]:
    x = s.clone().requires_grad_(True)
    loss = F.cross_entropy((x / tau).unsqueeze(0), torch.tensor([0]))
    (g,) = torch.autograd.grad(loss, x)
    # 解析式：对负样本 ∂L/∂s_j = p_j / τ，对正样本 ∂L/∂s_+ = -(1 - p_+) / τ，p = softmax(s / τ)
    p = torch.softmax(s / tau, dim=0)
    torch.testing.assert_close(g[neg], p[neg] / tau)
    torch.testing.assert_close(g[0], -(1 - p[0]) / tau)
    # 推开所有负样本的力之和，恰好等于拉近正样本的力
    torch.testing.assert_close(g[neg].sum(), -g[0])
    share = (g[hardest] / g[neg].sum()).item()  # 最难负样本分到的梯度份额
    shares.append(share)
    print(f"τ={tau:.2f}: 最难负样本占负样本梯度的 {share:.1%}，正样本梯度 {g[0].item():.3f}")
# > τ=1.00: 最难负样本占负样本梯度的 19.4%，正样本梯度 -0.823
# > τ=0.50: 最难负样本占负样本梯度的 26.7%，正样本梯度 -1.508
# > τ=0.20: 最难负样本占负样本梯度的 45.4%，正样本梯度 -2.860
# > τ=0.10: 最难负样本占负样本梯度的 65.6%，正样本梯度 -3.594
# > τ=0.05: 最难负样本占负样本梯度的 86.7%，正样本梯度 -2.702
# > τ=0.02: 最难负样本占负样本梯度的 99.3%，正样本梯度 -0.337
assert shares == sorted(shares) and shares[-1] > 0.99  # 单调增加，τ → 0 时趋于 100 %
assert abs(shares[0] - 1 / 8) < 0.1  # τ 大时接近平均分给 8 个负样本

# τ → 0 的极限：份额等于 1 / (1 + Σ_{j≠hardest} exp((s_j - s_hardest)/τ))，与 autograd 无关的闭式
tau = 0.02
closed = 1 / (1 + torch.exp((s[2:] - s[hardest]) / tau).sum()).item()
assert abs(closed - shares[-1]) < 1e-12
