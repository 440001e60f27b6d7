"""教师强制（Teacher Forcing）与自回归推理：训练时喂真实的 y_{t-1}，推理时喂模型自己的预测。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, E, H, T, B = 8, 4, 8, 5, 3  # 词表、嵌入、隐藏维度、目标长度、批大小
BOS = 0

emb, cell, W_out = nn.Embedding(V, E), nn.GRUCell(E, H), nn.Linear(H, V)
gru = nn.GRU(E, H, batch_first=True)  # 与 cell 共享同一组权重，用来一次跑完整个序列
with torch.no_grad():
    for name in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]:
        getattr(gru, name + "_l0").copy_(getattr(cell, name))

s0 = torch.randn(B, H)  # 编码器交给解码器的初始状态（Sutskever 等的做法：s_0 = 编码器最后的状态）
Y = torch.randint(1, V, (B, T))  # 真实目标序列
Y_in = torch.cat([torch.full((B, 1), BOS), Y[:, :-1]], dim=1)  # 右移一位：<bos>, y_1, ..., y_{T-1}

# 训练（教师强制）：每一步的输入都是已知的真实词，整个目标序列一次送进 nn.GRU
out, _ = gru(emb(Y_in), s0[None])
logits_tf = W_out(out)  # (B, T, V)
loss_tf = F.cross_entropy(logits_tf.reshape(-1, V), Y.reshape(-1))


def decode(p: float, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """逐步解码：以概率 p 喂模型自己的预测，否则喂真实词（p=0 即教师强制，p=1 即推理）。"""
    s, y_prev, logits, preds = s0, torch.full((B,), BOS), [], []
    for t in range(T):
        s = cell(emb(y_prev), s)
        logits.append(W_out(s))
        preds.append(logits[-1].argmax(dim=1))  # 贪心地取概率最大的词
        use_pred = torch.rand(B, generator=gen) < p  # 计划采样（scheduled sampling）的抛硬币
        y_prev = torch.where(use_pred, preds[-1], Y[:, t])
    return torch.stack(logits, dim=1), torch.stack(preds, dim=1)


gen = torch.Generator().manual_seed(0)
logits_p0, _ = decode(0.0, gen)
logits_free, preds_free = decode(1.0, gen)
print(preds_free[0].tolist(), Y[0].tolist())
# > [0, 6, 6, 4, 6] [2, 6, 3, 4, 1]

# 检查 1：p=0 的逐步循环与一次性的教师强制完全一致（损失也一样）
torch.testing.assert_close(logits_p0, logits_tf)
torch.testing.assert_close(F.cross_entropy(logits_p0.reshape(-1, V), Y.reshape(-1)), loss_tf)
# 检查 2：推理时第 1 步的输入同样是 <bos>，结果相同；一旦预测错了，之后的输入和状态都和训练时不同
torch.testing.assert_close(logits_free[:, 0], logits_tf[:, 0])
assert (preds_free[:, 0] != Y[:, 0]).any()
assert not torch.allclose(logits_free[:, 1:], logits_tf[:, 1:])
# 检查 3：argmax 得到的是整数词号，没有梯度：喂回预测的那条路不能反向传播
assert preds_free.dtype == torch.int64 and not preds_free.requires_grad
# 检查 4：批里目标长短不一时补齐，补齐位置标成 -100（ignore_index 的默认值），不计入损失
Y_pad = Y.clone()
Y_pad[2, 3:] = -100  # 第 3 个目标只有 3 个真实词
valid = Y_pad != -100
loss_pad = F.cross_entropy(logits_tf.reshape(-1, V), Y_pad.reshape(-1))
nll = -F.log_softmax(logits_tf, dim=-1).gather(2, Y[:, :, None]).squeeze(2)
torch.testing.assert_close(loss_pad, nll[valid].mean())
