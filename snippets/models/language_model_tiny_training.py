"""训练 Bengio 式的前馈神经语言模型（看前两个词，预测下一个词），5 个不同初始化一起训练：
测试集困惑度都降到一元模型基线以下、又大于 1，训练久了都会过拟合；再用带温度的采样生成句子。"""

import copy
import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, stack_module_state, vmap

torch.manual_seed(0)
train = ["我 喜欢 猫", "我 喜欢 狗", "你 喜欢 猫", "你 喜欢 鱼", "猫 吃 鱼", "狗 吃 肉", "猫 吃 肉"]
train += [
    "狗 吃 骨头",
    "我 养 猫",
    "你 养 狗",
    "他 养 鱼",
    "他 喜欢 狗",
    "猫 喜欢 鱼",
    "狗 喜欢 骨头",
]
test = ["他 喜欢 猫", "你 养 猫", "狗 吃 鱼", "我 养 狗"]
vocab = ["<s>", "</s>", *sorted({w for s in train for w in s.split()})]
idx = {w: i for i, w in enumerate(vocab)}
V, d, H = len(vocab), 8, 16  # 三元（n = 3）模型：看前 n-1 = 2 个词


def examples(sentences: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """每个要预测的词（包括句末的 </s>）一个样本：(前两个词, 这个词)。"""
    X, y = [], []
    for s in sentences:
        w = ["<s>", "<s>", *s.split(), "</s>"]
        for t in range(2, len(w)):
            X.append([idx[w[t - 2]], idx[w[t - 1]]])
            y.append(idx[w[t]])
    return torch.tensor(X), torch.tensor(y)


X_train, y_train = examples(train)
X_test, y_test = examples(test)

# 一元模型基线：不看上下文，按训练集词频（加一平滑）猜下一个词
counts = torch.bincount(y_train, minlength=V).double() + 1
ppl_unigram = math.exp(-torch.log(counts / counts.sum())[y_test].mean().item())
p_unigram_cat = (counts[idx["猫"]] / counts.sum()).item()  # 一元模型给“猫”的概率，不看上下文


class NPLM(nn.Module):
    """Bengio 等（2003）：前 n-1 个词的嵌入拼接 → tanh 隐藏层 → softmax 输出。"""

    def __init__(self) -> None:
        super().__init__()
        self.emb = nn.Embedding(V, d)
        self.hidden = nn.Linear(2 * d, H)
        self.out = nn.Linear(H, V)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return self.out(torch.tanh(self.hidden(self.emb(X).flatten(1))))


# 5 个不同初始化的模型放在一起训练（torch.func 的模型集成写法）：结论要对每一个都成立。
# 损失是各模型平均损失之和，每个模型只拿到自己的梯度；Adam 逐元素更新，模型之间互不影响
S = 5
models = [NPLM() for _ in range(S)]
params, _ = stack_module_state(models)  # 每个参数多一维：(S, ...)
skeleton = copy.deepcopy(models[0]).to("meta")  # 只提供结构，参数从 params 里取


def ppl_per_model(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """logits (S, N, V) → 每个模型的困惑度 (S,)。"""
    nll = F.cross_entropy(logits.transpose(1, 2), y.expand(S, -1), reduction="none")
    return nll.mean(dim=1).exp()


forward = vmap(lambda p, X: functional_call(skeleton, p, (X,)), in_dims=(0, None))
opt = torch.optim.Adam(params.values(), lr=0.01)
ctx_cat = torch.tensor([[idx["他"], idx["喜欢"]]])  # 测试句“他 喜欢 猫”：这个三元组训练集里没有
ppl_curve, p_cat = [], []  # 每一步之后每个模型的测试集困惑度、P(猫 | 他 喜欢)
for _ in range(200):
    loss = ppl_per_model(forward(params, X_train), y_train).log().sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        ppl_curve.append(ppl_per_model(forward(params, X_test), y_test))
        p_cat.append(F.softmax(forward(params, ctx_cat)[:, 0], dim=-1)[:, idx["猫"]])
ppl_curve, p_cat = torch.stack(ppl_curve), torch.stack(p_cat)  # (步数, S)

with torch.no_grad():
    ppl_train = ppl_per_model(forward(params, X_train), y_train)
ppl_test = ppl_curve[-1]
best, k = ppl_curve.min(dim=0)  # 每个模型测试集困惑度的最低点和所在的步
p_cat_best = p_cat[k, torch.arange(S)]
print(f"V={V}，一元基线 {ppl_unigram:.2f}，训练集 {ppl_train[0]:.2f}，测试集 {ppl_test[0]:.2f}")
# > V=13，一元基线 10.22，训练集 1.95，测试集 6.51
print(
    f"测试集最低 {best[0]:.2f}（第 {k[0] + 1} 步）；"
    f"P(猫|他 喜欢) 从 {p_cat_best[0]:.3f} 降到 {p_cat[-1, 0]:.3f}（一元模型 {p_unigram_cat:.3f}）"
)
# > 测试集最低 3.25（第 39 步）；P(猫|他 喜欢) 从 0.127 降到 0.002（一元模型 0.101）
print(f"5 个模型的测试集困惑度 {ppl_test.min():.1f}～{ppl_test.max():.1f}")
# > 5 个模型的测试集困惑度 6.0～6.6

model = NPLM()  # 取出第 1 个模型，用来生成句子
model.load_state_dict({name: value[0] for name, value in params.items()})


def generate(T: float, g: torch.Generator) -> str:
    """从 <s> <s> 开始，每步按 softmax(logits / T) 采样下一个词，直到 </s>。"""
    ctx, out = [idx["<s>"], idx["<s>"]], []
    while len(out) < 6:
        with torch.no_grad():
            p = F.softmax(model(torch.tensor([ctx]))[0] / T, dim=0)
        w = torch.multinomial(p, 1, generator=g).item()
        if w == idx["</s>"]:
            break
        out.append(vocab[w])
        ctx = [ctx[1], w]
    return " ".join(out)


g = torch.Generator().manual_seed(0)
print([generate(1.0, g) for _ in range(3)], generate(0.01, g))
# > ['猫 吃 肉', '猫 吃 鱼', '猫 吃 肉'] 我 喜欢 猫

# 温度对“他 养 ___”这一步的分布的影响：T 越大越平（熵越大）
with torch.no_grad():
    logits = model(torch.tensor([[idx["他"], idx["养"]]]))[0]
entropy = []
for T in (0.01, 0.5, 1.0, 2.0, 100.0):
    p = F.softmax(logits / T, dim=0)
    entropy.append(-(p * p.clamp_min(1e-30).log()).sum().item())

# 检查 1：参数量 = 嵌入表 V·d + 隐藏层 (2d·H + H) + 输出层 (H·V + V)
assert sum(p.numel() for p in model.parameters()) == V * d + (2 * d * H + H) + (H * V + V)
# 检查 2：5 个模型都是：测试集困惑度低于一元基线，又大于 1（下一个词本来就不确定）；
#         训练太久会过拟合：训练集困惑度 < 测试集的最低点 < 最终的测试集困惑度
assert ((ppl_test > 1) & (ppl_test < ppl_unigram)).all()
assert ((ppl_train > 1) & (ppl_train < best) & (best < ppl_test)).all()
# 检查 3：测试集里有训练集没出现过的三元组“他 喜欢 猫”：数频次的三元模型给它概率 0，
#         神经模型在最好的时候给它的概率高于均匀猜测的 1/V，也高于不看上下文的一元模型给“猫”的概率：
#         它用上了上下文，把“我/你 喜欢 猫”里的规律推广到了没见过的“他 喜欢”上；
#         继续训练则开始死记：训练集里“他 喜欢”后面只有“狗”，这个概率降到十分之一以下
train_trigrams = {tuple(r) for r in torch.cat([X_train, y_train[:, None]], dim=1).tolist()}
test_trigrams = {tuple(r) for r in torch.cat([X_test, y_test[:, None]], dim=1).tolist()}
assert (idx["他"], idx["喜欢"], idx["猫"]) in test_trigrams - train_trigrams
unseen = [  # 每个测试句各有几个训练集里没出现过的三元组
    sum(tuple(r) not in train_trigrams for r in torch.cat([Xs, ys[:, None]], 1).tolist())
    for Xs, ys in (examples([s]) for s in test)
]
assert unseen == [1, 1, 1, 1]
assert ((p_cat_best > 1 / V) & (p_cat_best > p_unigram_cat) & (p_cat[-1] < p_cat_best / 10)).all()
# 检查 4：温度越高分布越平；T → 0 趋于只选概率最大的词（贪心），T → ∞ 趋于均匀分布
assert entropy == sorted(entropy)
assert entropy[0] < 1e-3 and abs(entropy[-1] - math.log(V)) < 0.01
