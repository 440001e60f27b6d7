"""困惑度的三种等价算法：exp(平均交叉熵)、概率连乘开 N 次方取倒数（在对数空间里算）、
2^(平均比特数)。均匀分布在 K 个词上困惑度恰好是 K；直接连乘概率会下溢；
用算术平均、底数不配套都会算错；同一个句子分布按词切、按字切，同一句话的困惑度就不同。"""

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
print(f"PPL = {ppl_ce:.4f} = {ppl_geo:.4f} = 2^{H_bits:.3f} = {ppl_bits:.4f}")
# > PPL = 9.4404 = 9.4404 = 2^3.239 = 9.4404

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
print(f"直接连乘 {p_long.prod().item()}，对数空间 {in_log:.1f}")
# > 直接连乘 0.0，对数空间 50.0

# 常见的两种算错：用算术平均代替几何平均；把以 e 为底的损失（奈特）当成比特去算 2 的幂
ppl_arith = 1 / p_true.mean()  # 1 / 平均概率：AM ≥ GM，所以它总是偏小
ppl_wrong_base = 2 ** F.cross_entropy(logits, targets)  # F.cross_entropy 的单位是奈特
print(f"正确 {ppl_ce:.2f}，1/算术平均 {ppl_arith:.2f}，2^(奈特) {ppl_wrong_base:.2f}")
# > 正确 9.44，1/算术平均 8.78，2^(奈特) 4.74

# 分词不同：同一个句子分布，按词切和按字切，用链式法则各自算出逐 token 的条件概率
subjects, verbs, objects = ["我", "他们", "小明"], ["喜欢", "讨厌"], ["猫", "小狗", "自然语言"]
sentences = [(s, v, o) for s in subjects for v in verbs for o in objects]
prob = torch.rand(len(sentences), dtype=torch.float64)
prob = prob / prob.sum()  # 18 个句子上的一个任意分布


def tokens_of(words: tuple[str, ...], by: str) -> list[str]:
    return [*(words if by == "词" else "".join(words)), "</s>"]  # 句末的 </s> 也要预测


def conditional_logps(target: tuple[str, ...], by: str) -> list[float]:
    """log P(第 t 个 token | 前 t-1 个 token) = log [前缀 t 的总概率 / 前缀 t-1 的总概率]。"""
    seqs = [tokens_of(s, by) for s in sentences]
    toks = tokens_of(target, by)

    def mass(n: int) -> float:
        return sum(p.item() for p, seq in zip(prob, seqs, strict=True) if seq[:n] == toks[:n])

    return [math.log(mass(t + 1) / mass(t)) for t in range(len(toks))]


target = ("小明", "讨厌", "自然语言")
logp_word, logp_char = conditional_logps(target, "词"), conditional_logps(target, "字")
n_words, n_chars = len(logp_word), len(logp_char)  # 4 = 3 个词 + </s>；9 = 8 个字 + </s>
ppl_word = math.exp(-sum(logp_word) / n_words)
ppl_char = math.exp(-sum(logp_char) / n_chars)
print(f"{n_words} 个词元：困惑度 {ppl_word:.3f}；{n_chars} 个字：困惑度 {ppl_char:.3f}")
# > 4 个词元：困惑度 2.745；9 个字：困惑度 1.567

# 更真实的量级：一句话的总概率是 e^-12 时，按 4 个词算和按 9 个字算
print(f"按词 {math.exp(12 / n_words):.2f}，按字 {math.exp(12 / n_chars):.2f}")
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
# 检查 4：1/算术平均偏小（AM ≥ GM，只有各步概率全相等时才相等，例如均匀猜 K 个词）；
#         把奈特当比特算 2 的幂，结果也偏小；先换算成比特（除以 ln 2）再算 2 的幂才对
assert ppl_arith < ppl_ce
p_true_k = F.softmax(logits_k, dim=1)[torch.arange(N), targets]  # 每步都是 1/4
torch.testing.assert_close(1 / p_true_k.mean(), ppl_k)
assert ppl_wrong_base < ppl_ce / 1.5
torch.testing.assert_close(2 ** (F.cross_entropy(logits, targets) / math.log(2)), ppl_ce)
# 检查 5：两种切法都是同一个分布的精确分解：条件概率连乘都等于这句话的概率（链式法则）
i = sentences.index(target)
assert math.isclose(math.exp(sum(logp_word)), prob[i].item())
assert math.isclose(math.exp(sum(logp_char)), prob[i].item())
#         总概率相同，困惑度却不同：PPL_字 = PPL_词^(词元数/字数)，字数多，困惑度就小；
#         换成与切法无关的每字符比特数（每 token 比特数 × token 数 ÷ 原文 8 个字），两者相同
assert ppl_char < ppl_word and math.isclose(ppl_char, ppl_word ** (n_words / n_chars))
bpc_word = math.log2(ppl_word) * n_words / len("".join(target))
bpc_char = math.log2(ppl_char) * n_chars / len("".join(target))
assert math.isclose(bpc_word, bpc_char)
