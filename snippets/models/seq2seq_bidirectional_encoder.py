"""双向 GRU 编码器：h_j = [前向 h_j; 后向 h_j]，同时概括 x_j 左边和右边的内容。"""

import torch
from torch import nn

torch.manual_seed(0)
B, T, E, H = 2, 6, 4, 5

birnn = nn.GRU(E, H, batch_first=True, bidirectional=True)
fwd, bwd = nn.GRU(E, H, batch_first=True), nn.GRU(E, H, batch_first=True)
with torch.no_grad():  # 把双向 GRU 的两套权重分别拷进两个单向 GRU
    for name in ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]:
        getattr(fwd, name).copy_(getattr(birnn, name))
        getattr(bwd, name).copy_(getattr(birnn, name + "_reverse"))

X = torch.randn(B, T, E, requires_grad=True)
out, h_n = birnn(X)
out_f, _ = fwd(X)  # 从左往右读
out_b = bwd(X.flip(1))[0].flip(1)  # 把序列倒过来读，再把结果倒回原来的位置
print(tuple(out.shape), tuple(h_n.shape))
# > (2, 6, 10) (2, 2, 5)

# 检查 1：双向输出 = 前向输出与后向输出在特征维上拼接，维度是 2H
torch.testing.assert_close(out, torch.cat([out_f, out_b], dim=-1))

# 检查 2：位置 j 的前半段只依赖 x_1..x_j，后半段只依赖 x_j..x_T
j = 3
(g_f,) = torch.autograd.grad(out[0, j, :H].sum(), X, retain_graph=True)
(g_b,) = torch.autograd.grad(out[0, j, H:].sum(), X)
assert (g_f[0, j + 1 :] == 0).all() and (g_f[0, : j + 1] != 0).all()
assert (g_b[0, :j] == 0).all() and (g_b[0, j:] != 0).all()

# 检查 3：h_n[1]（后向的“最后”状态）读完了整个序列，它在位置 0，不在位置 T-1
torch.testing.assert_close(h_n[0], out[:, -1, :H])
torch.testing.assert_close(h_n[1], out[:, 0, H:])
assert not torch.allclose(h_n[1], out[:, -1, H:])

# 检查 4：参数量是单向 GRU 的两倍：2 × 3(H·E + H·H + 2H)
n_params = sum(p.numel() for p in birnn.parameters())
assert n_params == 2 * sum(p.numel() for p in fwd.parameters()) == 2 * 3 * (H * E + H * H + 2 * H)
