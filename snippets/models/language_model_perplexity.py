"""困惑度的三种等价算法：exp(平均交叉熵)、概率连乘开 N 次方取倒数（在对数空间里算）、
2^(平均比特数)。均匀分布在 K 个词上困惑度恰好是 K；直接连乘概率会下溢；
换一种分词，同一句话的困惑度就变了。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, d, N = 10, 4, 12
model = nn.Sequential(nn.Embedding(V, d), nn.Linear(d, V))  # 一个很小的二元神经语言模型
tokens = torch.randint(0, V, (N + 1,))
inputs, targets = tokens[:-1], tokens[1:]  # 用第 t 个词预测第 t+1 个词，共 N 次预测
with torch.no_grad():
    logits = model(inputs).double()  # (N, V)

# 一：exp(平均负对数似然)，平均负对数似然就是 F.cross_entropy
ppl_ce = F.cross_entropy(logits, targets).exp()
# 二：(Π p_t)^(-1/N)，在对数空间里算：exp(-(1/N) Σ log p_t)
p_true = F.softmax(logits, dim=1)[torch.arange(N), targets]
ppl_geo = torch.exp(-torch.log(p_true).sum() / N)
# 三：2^H，H = 每个词平均多少比特
H_bits = -torch.log2(p_true).mean()
ppl_bits = 2**H_bits
print(f"PPL = {ppl_ce:.4f} = {ppl_geo:.4f} = 2^{H_bits:.4f} = {ppl_bits:.4f}")
# > PPL = 9.4404 = 9.4404 = 2^3.2388 = 9.4404

# 有效分支数：每一步在 K 个词里均匀地猜，困惑度就是 K
K = 4
logits_k = torch.full((N, V), -math.inf, dtype=torch.float64)
for t in range(N):  # 真实词加上另外 3 个词，概率各 1/4，其余词概率为 0
    others = [w for w in range(V) if w != targets[t]][: K - 1]
    logits_k[t, [targets[t].item(), *others]] = 0.0
ppl_k = F.cross_entropy(logits_k, targets).exp()
ppl_uniform = F.cross_entropy(torch.zeros(N, V, dtype=torch.float64), targets).exp()

# 长文本上直接连乘概率会下溢成 0，困惑度变成无穷大；对数空间没有这个问题
p_long = torch.full((500,), 0.02, dtype=torch.float64)  # 500 个词，每个词概率 0.02
direct = p_long.prod() ** (-1 / 500)
in_log = torch.exp(-torch.log(p_long).mean())
print(f"直接连乘 {p_long.prod().item()}，对数空间 {in_log:.4f}")
# > 直接连乘 0.0，对数空间 50.0000

# 分词不同：同一句话、同样的总概率，按词算 4 个 token，按字算 9 个 token
log_p_sentence = -12.0  # 两个模型都给这句话 e^-12 的概率
n_words, n_chars = 4, 9
ppl_word = math.exp(-log_p_sentence / n_words)
ppl_char = math.exp(-log_p_sentence / n_chars)
print(f"按词 {ppl_word:.2f}，按字 {ppl_char:.2f}")
# > 按词 20.09，按字 3.79

# 检查 1：三种算法一致
torch.testing.assert_close(ppl_geo, ppl_ce)
torch.testing.assert_close(ppl_bits, ppl_ce)
# 检查 2：在 K 个词里均匀猜，困惑度恰好是 K；整个词表上均匀猜就是 V；困惑度 ≥ 1
torch.testing.assert_close(ppl_k, torch.tensor(float(K), dtype=torch.float64))
torch.testing.assert_close(ppl_uniform, torch.tensor(float(V), dtype=torch.float64))
assert ppl_ce >= 1
# 检查 3：0.02^500 在 float64 里下溢为 0，直接算得到无穷大；对数空间得到正确的 1/0.02 = 50
assert p_long.prod() == 0 and direct == math.inf
torch.testing.assert_close(in_log, torch.tensor(50.0, dtype=torch.float64))
# 检查 4：总概率相同，困惑度却差 5 倍多：PPL_字 = PPL_词^(词数/字数)。
#         能比较的是按同一单位归一化的量：把按词的困惑度换算成“每字符比特数”，两者相同
assert ppl_word > 5 * ppl_char
assert math.isclose(ppl_char, ppl_word ** (n_words / n_chars))
assert math.isclose(math.log2(ppl_word) * n_words / n_chars, math.log2(ppl_char))
