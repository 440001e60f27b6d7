"""截断 BPTT：把长序列切成几段，段与段之间用 h.detach() 传递隐藏状态。
前向完全不变（状态照样传下去），但梯度到段的开头就停了，到不了前面的段。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

T, K, B, d, H = 12, 4, 2, 3, 4  # 序列长度、每段长度 K、批量、输入维度、隐藏维度
rnn, head = nn.RNN(d, H), nn.Linear(H, 1)
X = torch.randn(T, B, d, requires_grad=True)
Y = torch.randn(T, B, 1)


def run(detach: bool) -> list[torch.Tensor]:
    """按段前向，返回每段的损失。"""
    h = torch.zeros(1, B, H)
    losses = []
    for s in range(0, T, K):
        out, h = rnn(X[s : s + K], h)  # 上一段的最后状态作为这一段的初始状态
        losses.append(F.mse_loss(head(out), Y[s : s + K]))
        if detach:
            h = h.detach()  # 值不变，只切断计算图
    return losses


full, truncated = run(detach=False), run(detach=True)

# 最后一段的损失对输入的梯度：完整 BPTT 能回到第 1 段，截断后只到第 3 段
(g_full,) = torch.autograd.grad(full[-1], X)
(g_trunc,) = torch.autograd.grad(truncated[-1], X)
print([round(g_full[s : s + K].norm().item(), 4) for s in range(0, T, K)])
print([round(g_trunc[s : s + K].norm().item(), 4) for s in range(0, T, K)])
# > [0.0009, 0.0428, 0.1201]
# > [0.0, 0.0, 0.1201]

# 训练循环里每段做一次 backward：不 detach 的话，第 2 段的反向要穿过第 1 段已释放的图
error = ""
losses = run(detach=False)
losses[0].backward()
try:
    losses[1].backward()
except RuntimeError as e:
    error = str(e)
rnn.zero_grad()
for loss in run(detach=True):  # detach 之后每段各自反向，梯度累加到同一组参数上
    loss.backward()
g_tbptt = rnn.weight_hh_l0.grad.clone()
rnn.zero_grad()
sum(run(detach=False)).backward()  # 完整 BPTT 的梯度
g_bptt = rnn.weight_hh_l0.grad.clone()

# 检查：detach 不改变前向，每段损失完全相同
for a, b in zip(full, truncated, strict=True):
    torch.testing.assert_close(a, b)
# 检查：截断后梯度到不了前两段；最后一段内部的梯度与完整 BPTT 相同
assert g_trunc[: 2 * K].eq(0).all() and g_full[:K].abs().sum() > 0
torch.testing.assert_close(g_trunc[2 * K :], g_full[2 * K :])
# 检查：不 detach 就逐段 backward 会报错
assert "backward through the graph a second time" in error
# 检查：截断 BPTT 的梯度是近似，和完整 BPTT 不同
assert not torch.allclose(g_tbptt, g_bptt)
