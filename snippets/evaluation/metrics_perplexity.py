"""困惑度 = exp(每个词平均交叉熵) = 真实词概率几何平均的倒数；均匀分布的模型困惑度 = 词表大小。
填充位置不计入；整个语料的困惑度不是各句困惑度的平均。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
B, T, V = 2, 4, 5  # 2 句话、每句 4 个位置、词表 5 个词
logits = torch.randn(B, T, V, dtype=torch.float64)
targets = torch.tensor([[1, 3, 0, 2], [4, 4, 1, -100]])  # 第 2 句最后一个位置是填充（-100）
mask = targets != -100
N = mask.sum().item()  # 真正的词数：7

# 路线一：交叉熵（忽略填充）再取指数
ce = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), ignore_index=-100)
ppl = ce.exp()
# 路线二：不取对数，直接把真实词的概率连乘，再开 N 次方取倒数
probs = F.softmax(logits, dim=-1)
p_true = probs[mask, targets[mask]]  # 7 个真实词各自的概率
ppl_geo = p_true.prod() ** (-1 / N)
print(f"N={N} CE={ce:.4f} PPL={ppl:.4f} {ppl_geo:.4f}")
# > N=7 CE=1.8269 PPL=6.2144 6.2144

# 按句算的困惑度
nll = -torch.log(probs.gather(-1, targets.clamp(min=0)[..., None]).squeeze(-1)) * mask
ppl_per_sentence = (nll.sum(dim=1) / mask.sum(dim=1)).exp()
print([round(v, 3) for v in ppl_per_sentence.tolist()], f"平均 {ppl_per_sentence.mean():.3f}")
# > [9.932, 3.326] 平均 6.629

# 检查：两条路线相同
torch.testing.assert_close(ppl, ppl_geo)
# 检查：以 2 为底：2^(每词平均比特数) 是同一个数
torch.testing.assert_close(2 ** (ce / torch.log(torch.tensor(2.0))), ppl)
# 检查：均匀分布（logits 全 0）的困惑度恰好是词表大小 V
uniform = F.cross_entropy(torch.zeros(N, V), targets[mask]).exp()
torch.testing.assert_close(uniform, torch.tensor(float(V)))
# 检查：语料的困惑度 = exp(总负对数似然 / 总词数)，不是各句困惑度的平均
torch.testing.assert_close((nll.sum() / N).exp(), ppl)
assert abs(ppl_per_sentence.mean() - ppl) > 0.1
