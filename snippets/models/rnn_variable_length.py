"""变长序列：同一个 RNN 可以处理任意长度。一批里长短不一时先补齐（padding），
再用 pack_padded_sequence 告诉 RNN 每条的真实长度，h_n 就是每条序列最后一个真实时刻的状态。"""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

d, H = 3, 4
rnn = nn.RNN(d, H, batch_first=True)
seqs = [torch.randn(5, d), torch.randn(3, d), torch.randn(2, d)]  # 三条长度不同的序列
lengths = torch.tensor([len(s) for s in seqs])

X = pad_sequence(seqs, batch_first=True)  # 补 0 到最长：(3, 5, d)
packed = pack_padded_sequence(X, lengths, batch_first=True, enforce_sorted=False)
out_packed, h_n = rnn(packed)
out, out_lengths = pad_packed_sequence(out_packed, batch_first=True)
print(tuple(X.shape), tuple(out.shape), out_lengths.tolist())
# > (3, 5, 3) (3, 5, 4) [5, 3, 2]

# 不打包：短序列后面的补零也被当成输入，多走了几步
_, h_n_padded = rnn(X)

for i, s in enumerate(seqs):
    out_i, h_i = rnn(s[None])  # 单独跑这一条，没有补齐
    # 检查：打包后的 h_n 与单独跑这条序列的最后状态一致；输出的真实部分也一致
    torch.testing.assert_close(h_n[0, i], h_i[0, 0])
    torch.testing.assert_close(out[i, : len(s)], out_i[0])
# 检查：补齐的位置输出 0（pad_packed_sequence 填的值）
assert out[1, 3:].eq(0).all() and out[2, 2:].eq(0).all()
# 检查：不打包时，最长的那条不受影响，短的两条的 h_n 被补零的时间步改变了
torch.testing.assert_close(h_n_padded[0, 0], h_n[0, 0])
assert not torch.allclose(h_n_padded[0, 1], h_n[0, 1])
assert not torch.allclose(h_n_padded[0, 2], h_n[0, 2])

# 检查：单向时，不打包也可以从 output 里按长度取最后一个有效时刻，得到正确的最终状态
out_padded, _ = rnn(X)
for i, s in enumerate(seqs):
    torch.testing.assert_close(out_padded[i, len(s) - 1], h_n[0, i])
# 检查：双向时不行：反向 RNN 先读补的 0，短序列有效位置的输出也被改变了，必须打包
birnn = nn.RNN(d, H, batch_first=True, bidirectional=True)
out_bi_padded, _ = birnn(X)
out_bi_packed, _ = pad_packed_sequence(birnn(packed)[0], batch_first=True)
torch.testing.assert_close(out_bi_padded[0], out_bi_packed[0])  # 最长的那条没有补齐，不受影响
assert not torch.allclose(out_bi_padded[1, :3, H:], out_bi_packed[1, :3, H:])  # 反向那一半
torch.testing.assert_close(out_bi_padded[1, :3, :H], out_bi_packed[1, :3, :H])  # 正向那一半不变
