"""标准模块里的激活函数：LSTM 的门用 sigmoid、候选值和输出用 tanh，但细胞状态 c 本身不经过 tanh，
不是有界的；Transformer 层默认 ReLU、可选 GELU；二分类输出用 sigmoid（BCEWithLogitsLoss）。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 1) 手写一步 LSTM，与 nn.LSTMCell 对比
cell = nn.LSTMCell(input_size=3, hidden_size=4)
x, h, c = torch.randn(2, 3), torch.randn(2, 4), torch.randn(2, 4)
gates = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
i, f, g, o = gates.chunk(4, dim=1)  # PyTorch 的排列顺序：输入门、遗忘门、候选值、输出门
i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)  # 门：(0, 1) 之间的开关
g = torch.tanh(g)  # 候选值：(-1, 1)，有正有负
c_next = f * c + i * g
h_next = o * torch.tanh(c_next)

# 2) Transformer 编码层的前馈网络：默认 ReLU（原论文），BERT/GPT 一类模型用 GELU
layer_default = nn.TransformerEncoderLayer(d_model=8, nhead=2)
layer_gelu = nn.TransformerEncoderLayer(d_model=8, nhead=2, activation="gelu")

# 3) 二分类：输出层一个 logit，sigmoid 把它变成概率
logit, target = torch.randn(6), torch.randint(0, 2, (6,)).float()
loss = nn.BCEWithLogitsLoss()(logit, target)
print(f"{loss.item():.4f}")
# > 0.7825

# 4) LSTM 的细胞状态 c 没有被 tanh 压缩：四个门的预激活都设成 10，输入恒为 0，
# f = i = o = σ(10) ≈ 1，g = tanh(10) ≈ 1。c_t = f·c_{t−1} + i·g 一步步累加，t 步后 c ≈ t；
# 只有 h = o·tanh(c) 和 g 被限制在 (−1, 1)
sat = nn.LSTMCell(input_size=1, hidden_size=1)
with torch.no_grad():
    for p in sat.parameters():
        p.zero_()
    sat.bias_ih.fill_(10.0)
h_t, c_t = torch.zeros(1, 1), torch.zeros(1, 1)
cs, hs = [], []
for _ in range(20):
    h_t, c_t = sat(torch.zeros(1, 1), (h_t, c_t))
    cs.append(c_t.item())
    hs.append(h_t.item())
print(f"20 步后 c = {cs[-1]:.2f}，h = {hs[-1]:.3f}")
# > 20 步后 c = 19.99，h = 1.000

# 检查：手写的 LSTM 一步与 nn.LSTMCell 完全一致
h_ref, c_ref = cell(x, (h, c))
torch.testing.assert_close(h_next, h_ref)
torch.testing.assert_close(c_next, c_ref)
# 检查：门饱和时 nn.LSTMCell 的细胞状态等于闭式解 c_t = i·g·(1 + f + … + f^{t−1})，随 t 线性增长，
# 远超 tanh 的值域；h 始终在 (−1, 1) 内
f_sat = torch.sigmoid(torch.tensor(10.0, dtype=torch.float64))
ig = f_sat * torch.tanh(torch.tensor(10.0, dtype=torch.float64))  # i·g，i 与 f 相同
closed_form = torch.stack([ig * (1 - f_sat**t) / (1 - f_sat) for t in range(1, 21)])
torch.testing.assert_close(torch.tensor(cs), closed_form.float())
assert cs[-1] > 19.9 and all(abs(v) < 1 for v in hs)
# 检查：TransformerEncoderLayer 的默认激活是 ReLU，可换成 GELU
assert layer_default.activation is F.relu
assert layer_gelu.activation is F.gelu
# 检查：BCEWithLogitsLoss = sigmoid + 二元交叉熵（前者内部做了数值稳定处理）
torch.testing.assert_close(loss, F.binary_cross_entropy(torch.sigmoid(logit), target))
