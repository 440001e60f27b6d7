"""自监督学习：标签从数据本身构造。语言模型把“下一个字符”当标签，
用的是普通的有监督交叉熵；二元语法（bigram）模型训练后的损失逼近由计数算出的条件熵下界。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

text = "abracadabra, abracadabra, a cabaret bar."  # 一段没有任何人工标注的文本
vocab = sorted(set(text))
ids = torch.tensor([vocab.index(ch) for ch in text])
inputs, targets = ids[:-1], ids[1:]  # 标签 = 输入右移一位
V = len(vocab)

# 二元语法模型：每个字符一行 logits，预测下一个字符；nn.Embedding(V, V) 正好是这张表
model = nn.Embedding(V, V)
opt = torch.optim.Adam(model.parameters(), lr=0.5)
for _ in range(200):
    opt.zero_grad()
    loss = F.cross_entropy(model(inputs), targets)
    loss.backward()
    opt.step()
with torch.no_grad():
    final_loss = F.cross_entropy(model(inputs), targets).item()

# 下界：条件熵 H(下一个 | 当前)，由二元组计数直接算出（这是交叉熵能达到的最小值）
counts = torch.zeros(V, V)
counts.index_put_((inputs, targets), torch.ones(len(inputs)), accumulate=True)
p_next = counts / counts.sum(dim=1, keepdim=True).clamp(min=1)
nll = -torch.log(p_next[inputs, targets])  # 每个位置在经验分布下的负对数似然
H = nll.mean().item()
uniform = torch.log(torch.tensor(float(V))).item()  # 均匀猜测每个字符的损失
print(f"均匀猜测 ln V = {uniform:.4f}，训练后 {final_loss:.4f}，下界 {H:.4f}")
# > 均匀猜测 ln V = 2.3026，训练后 0.9370，下界 0.9369

# 检查：第 t 个位置的标签就是第 t+1 个字符
assert all(text[t + 1] == vocab[targets[t]] for t in range(len(targets)))
# 检查：交叉熵不会低于条件熵，训练后与它相差不到 0.01 nat
assert final_loss >= H - 1e-4
assert final_loss < H + 0.01
