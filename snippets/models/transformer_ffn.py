"""逐位置前馈网络 FFN(x) = W_2 ReLU(W_1 x + b_1) + b_2：每个位置单独算，等于两个 1×1 卷积。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
B, T, d, d_ff = 2, 6, 8, 32  # d_ff = 4·d，与原论文 512 → 2048 的比例相同

ffn = nn.Sequential(nn.Linear(d, d_ff), nn.ReLU(), nn.Linear(d_ff, d))
X = torch.randn(B, T, d)
Y = ffn(X)  # nn.Linear 只作用在最后一维：所有位置共用同一组 W_1、W_2

# 逐个词元送进去，再拼回来
Y_token = torch.stack([torch.stack([ffn(X[b, t]) for t in range(T)]) for b in range(B)])

# 同一个 FFN 写成两个 kernel_size=1 的一维卷积（原论文的另一种描述）
conv1, conv2 = nn.Conv1d(d, d_ff, kernel_size=1), nn.Conv1d(d_ff, d, kernel_size=1)
with torch.no_grad():
    conv1.weight.copy_(ffn[0].weight[:, :, None])  # (d_ff, d) -> (d_ff, d, 1)
    conv1.bias.copy_(ffn[0].bias)
    conv2.weight.copy_(ffn[2].weight[:, :, None])
    conv2.bias.copy_(ffn[2].bias)
Y_conv = conv2(F.relu(conv1(X.transpose(1, 2)))).transpose(1, 2)  # Conv1d 要 (B, C, T)

# 雅可比矩阵：第 t 个位置的输出对第 s 个位置的输入
J = torch.autograd.functional.jacobian(ffn, X[0])  # (T, d, T, d)
block_norm = J.abs().sum(dim=(1, 3))  # (T, T)：每一块的大小
print((block_norm > 0).int().tolist()[:3])
# > [[1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0]]

# 检查 1：对整个序列算 = 对每个位置单独算
torch.testing.assert_close(Y, Y_token)
# 检查 2：等于两个 1×1 卷积
torch.testing.assert_close(Y, Y_conv)
# 检查 3：位置之间互不影响（雅可比只有对角块非零），词元间的信息交换全靠注意力
assert torch.equal(block_norm > 0, torch.eye(T, dtype=torch.bool))
# 检查 4：参数量 2·d·d_ff + d_ff + d，与序列长度无关
assert sum(p.numel() for p in ffn.parameters()) == 2 * d * d_ff + d_ff + d
