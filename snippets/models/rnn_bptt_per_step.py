"""共享权重的梯度 = 按时间展开后每一步那份“副本”的梯度之和。
只在最后一步算损失（多对一）时，离终点越远的时间步贡献越小：W_hh 的梯度本身不小，
但它几乎全来自最后几步，长距离依赖的信号被淹没了。"""

import torch
from torch import nn

T, B, d, H = 20, 4, 3, 8


def per_step_grads(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """返回 (G, 共享权重的梯度)；G[t-1] 是第 t 步那份 W_hh 副本的梯度。"""
    torch.manual_seed(seed)
    rnn = nn.RNN(d, H).double()  # PyTorch 默认初始化
    X = torch.randn(T, B, d, dtype=torch.float64)
    target = torch.randn(B, H, dtype=torch.float64)

    # autograd：nn.RNN 的 weight_hh_l0 在 20 个时间步共享
    _, h_n = rnn(X)
    ((h_n[0] - target) ** 2).sum().backward()

    # 展开：第 t 步用自己的一份副本 W_hh^(t)，数值完全相同，但梯度分开记
    W_ih, W_hh, b_ih, b_hh = (p.detach() for p in rnn.parameters())
    copies = [W_hh.clone().requires_grad_() for _ in range(T)]
    h = torch.zeros(B, H, dtype=torch.float64)  # h_0 = 0
    for t in range(T):
        h = torch.tanh(X[t] @ W_ih.T + b_ih + h @ copies[t].T + b_hh)
    ((h - target) ** 2).sum().backward()
    G = torch.stack([c.grad for c in copies])  # 第 t 步的贡献 ∂L/∂z_t · h_{t−1}ᵀ
    return G, rnn.weight_hh_l0.grad


G, total = per_step_grads(seed=0)  # 这一次运行（种子 0）
norms = G.flatten(1).norm(dim=1)
for t in (20, 15, 10, 5, 2):
    print(f"第 {t} 步的贡献 {norms[t - 1].item():.1e}")
# > 第 20 步的贡献 1.5e+01
# > 第 15 步的贡献 2.9e-01
# > 第 10 步的贡献 1.4e-02
# > 第 5 步的贡献 6.3e-04
# > 第 2 步的贡献 9.8e-05

# 检查：各步副本的梯度之和 = autograd 给共享权重的梯度
torch.testing.assert_close(G.sum(dim=0), total)
# 检查：h_0 = 0 时第 1 步没有贡献
assert norms[0] == 0
# 检查（10 个种子）：第 2 步的贡献都不到第 20 步的 10⁻⁴；
#         只保留最后 5 步的贡献，与总梯度的相对误差都小于 5%
for seed in range(10):
    G, total = per_step_grads(seed)
    norms = G.flatten(1).norm(dim=1)
    assert norms[1] < 1e-4 * norms[-1], seed
    assert (G[-5:].sum(dim=0) - total).norm() < 0.05 * total.norm(), seed
