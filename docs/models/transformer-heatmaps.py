# %% [markdown]
# # 图解：位置编码与注意力权重
#
# 《[Transformer](../transformer/)》一页说，自注意力本身不知道词序，要在输入上加位置编码（Positional Encoding）。前半部分把正弦位置编码画成热力图，并画出两个位置编码的点积：它只依赖两个位置的距离，而且 $\mathrm{PE}(\mathrm{pos}+k)$ 是 $\mathrm{PE}(\mathrm{pos})$ 的一个旋转。
#
# 后半部分训练一个只有一层单头注意力的小模型，让它把长度为 8 的序列倒过来。这个任务的正确注意力是已知的：第 $i$ 个输出应该只看第 $L-1-i$ 个输入，注意力矩阵应当是一条反对角线。权重来自 `nn.MultiheadAttention`，再按《[注意力机制](../attention/)》里的公式 $\operatorname{softmax}(QK^\top/\sqrt{d})$ 手算一遍对照。
#
# 记号与正文一致：位置 $\mathrm{pos}$、维度对 $i = 0, 1, \dots, d/2 - 1$、角频率 $\omega_i = 1/10000^{2i/d}$，$d$ 即 $d_\mathrm{model}$。

# %%
import itertools
import math
from collections import Counter

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F


def sinusoidal_pe(max_len, d):
    """正弦位置编码：偶数维是 sin(ω_i·pos)，奇数维是 cos(ω_i·pos)，ω_i = 1 / 10000^(2i/d)。"""
    pos = torch.arange(max_len, dtype=torch.float64)[:, None]
    omega = 1.0 / 10000 ** (torch.arange(0, d, 2, dtype=torch.float64) / d)
    pe = torch.zeros(max_len, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * omega)
    pe[:, 1::2] = torch.cos(pos * omega)
    return pe, omega


max_len, d_model = 64, 64
PE, omega = sinusoidal_pe(max_len, d_model)

fig, ax = plt.subplots(figsize=(6.4, 5.0))
image = ax.imshow(PE.numpy(), aspect="auto", origin="lower")
fig.colorbar(image, ax=ax, label="PE 的取值")
ax.set(
    title="正弦位置编码：每一行是一个位置的编码",
    xlabel="维度（左边高频，右边低频）",
    ylabel="位置 pos",
)
ax.grid(False)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 向量化的写法与按定义逐个元素用 `math.sin`、`math.cos` 算出的结果一致。
# - 所有值都在 $[-1, 1]$ 内；每对维度满足 $\sin^2 + \cos^2 = 1$，所以每个位置的编码模长都是 $\sqrt{d/2}$。
# - 越靠左的维度对频率越高：第 0 对维度（$\omega_0 = 1$）每隔约 6.3 个位置就重复一次，图上是密集的条纹；最右边的一对频率极低，64 个位置内几乎不变（正弦一列接近 0，余弦一列接近 1）。

# %%
loop = torch.zeros(max_len, d_model, dtype=torch.float64)
for pos in range(max_len):
    for i in range(d_model // 2):
        angle = pos / 10000 ** (2 * i / d_model)
        loop[pos, 2 * i] = math.sin(angle)
        loop[pos, 2 * i + 1] = math.cos(angle)
torch.testing.assert_close(PE, loop)

assert PE.min() >= -1 and PE.max() <= 1
torch.testing.assert_close(
    PE.norm(dim=1), torch.full((max_len,), math.sqrt(d_model / 2), dtype=torch.float64)
)
assert omega[0] == 1 and omega.diff().lt(0).all()
assert PE[:, -2].abs().max() < 0.01 and PE[:, -1].min() > 0.99
print("最低频一对的波长（位置数）：", round(2 * math.pi / omega[-1].item()))

# %% [markdown]
# ## 点积只依赖距离，相对位置是一次旋转
#
# 把任意两个位置的编码做点积，得到 $64 \times 64$ 的矩阵 $S_{pq} = \mathrm{PE}(p) \cdot \mathrm{PE}(q)$（上图）。下图取几行：从不同的起点 $p$ 出发，把点积画成偏移 $k = q - p$ 的函数。

# %%
S = PE @ PE.T

fig, (ax_s, ax_k) = plt.subplots(2, 1, figsize=(6.4, 8.4), height_ratios=[3, 2])
image = ax_s.imshow(S.numpy(), origin="lower")
fig.colorbar(image, ax=ax_s)
ax_s.set(title="PE(p) · PE(q)：沿对角线方向不变", xlabel="位置 q", ylabel="位置 p")
ax_s.grid(False)
for k, p in enumerate([0, 16, 32]):
    offsets = list(range(-p, max_len - p))
    ax_k.plot(offsets, S[p].tolist(), color=f"C{k}", linewidth=3 - k, label=f"起点 p = {p}")
ax_k.set(title="三条曲线重合：点积只取决于 k", xlabel="偏移 k = q − p", ylabel="PE(p) · PE(p + k)")
ax_k.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 矩阵沿每条对角线是常数（Toeplitz 矩阵）：对每个偏移 $k$，$\mathrm{PE}(p) \cdot \mathrm{PE}(p+k)$ 对所有 $p$ 都相同，等于 $\sum_i \cos(\omega_i k)$；矩阵对称，$k$ 和 $-k$ 的点积相同，单看点积分不出前后。
# - 对角线上是最大值 $d/2 = 32$（每个位置与自己最像），距离越远点积总体越小。
# - 点积只依赖距离，背后的原因是：存在一个只依赖 $k$ 的块对角旋转矩阵 $R(k)$，每个 $2 \times 2$ 块为 $\begin{pmatrix} \cos \omega_i k & \sin \omega_i k \\ -\sin \omega_i k & \cos \omega_i k \end{pmatrix}$，使 $\mathrm{PE}(\mathrm{pos}+k) = R(k)\,\mathrm{PE}(\mathrm{pos})$ 对所有 $\mathrm{pos}$ 成立。旋转不改变内积，所以 $\mathrm{PE}(p+k) \cdot \mathrm{PE}(q+k) = \mathrm{PE}(p) \cdot \mathrm{PE}(q)$。

# %%
for k in range(max_len):
    dots = torch.stack([PE[p] @ PE[p + k] for p in range(max_len - k)])
    expected = torch.cos(omega * k).sum()
    torch.testing.assert_close(dots, expected.expand_as(dots))
torch.testing.assert_close(S, S.T)
torch.testing.assert_close(S.diagonal(), torch.full((max_len,), d_model / 2, dtype=torch.float64))
assert (S.max(dim=1).values == S.diagonal()).all()
assert S[0, 1] > S[0, 4] > S[0, 16] > S[0, 48]


def rotation(k):
    blocks = [
        torch.tensor(
            [[math.cos(w * k), math.sin(w * k)], [-math.sin(w * k), math.cos(w * k)]],
            dtype=torch.float64,
        )
        for w in omega.tolist()
    ]
    return torch.block_diag(*blocks)


for k in [1, 5, 17]:
    R = rotation(k)
    torch.testing.assert_close(PE[k:], PE[:-k] @ R.T)  # 每一行：PE(pos + k) = R(k) PE(pos)
    torch.testing.assert_close(R @ R.T, torch.eye(d_model, dtype=torch.float64))  # 正交矩阵
print("PE(0) 与 PE(k) 的点积：", {k: round(S[0, k].item(), 2) for k in [0, 1, 2, 4, 8, 16]})

# %% [markdown]
# ## 训练一层注意力：把序列倒过来
#
# 输入是 8 个随机词元（词表大小 10），目标是同一序列倒序：第 $i$ 个输出等于第 $L-1-i$ 个输入。模型只有三部分：词嵌入加正弦位置编码（$d = 32$，为简单起见不乘 $\sqrt{d}$），一层单头的 `nn.MultiheadAttention`（`batch_first=True`，没有残差、层归一化和 FFN），一个线性层输出各词元的 logit。用 Adam 训练 200 步，每步 64 条随机序列。
#
# 词元之间交换信息的途径只有注意力，而注意力要知道“去看哪个位置”，只能靠位置编码：$q_i \cdot k_j$ 要在 $j = L-1-i$ 处最大。

# %%
torch.manual_seed(0)
L, vocab, d = 8, 10, 32


class Reverser(nn.Module):
    def __init__(self, use_pe=True):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.register_buffer("pe", sinusoidal_pe(L, d)[0].float() * use_pe)  # 对照组：全 0
        self.attn = nn.MultiheadAttention(d, num_heads=1, batch_first=True)
        self.readout = nn.Linear(d, vocab)

    def forward(self, tokens, need_weights=False):
        x = self.embed(tokens) + self.pe
        h, weights = self.attn(x, x, x, need_weights=need_weights, average_attn_weights=False)
        return self.readout(h), weights


def train(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(200):
        tokens = torch.randint(0, vocab, (64, L))
        logits, _ = model(tokens)
        loss = F.cross_entropy(logits.reshape(-1, vocab), tokens.flip(1).reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model.eval(), loss


model, loss = train(Reverser())
no_pe, _ = train(Reverser(use_pe=False))  # 对照：去掉位置编码，其余完全相同
with torch.no_grad():
    test = torch.randint(0, vocab, (1000, L))  # 训练时没见过的新序列
    logits, weights = model(test, need_weights=True)
    accuracy_no_pe = (no_pe(test)[0].argmax(-1) == test.flip(1)).float().mean().item()
accuracy = (logits.argmax(-1) == test.flip(1)).float().mean().item()
A = weights[:, 0]  # 形状为（批，查询，键）：只有一个头
A_mean = A.mean(dim=0)

fig, (ax_one, ax_avg) = plt.subplots(2, 1, figsize=(6.4, 9.0))
for ax, matrix, title in [
    (ax_one, A[0], f"一条测试序列的注意力权重\n输入 {test[0].tolist()}"),
    (ax_avg, A_mean, "1000 条测试序列的平均注意力权重"),
]:
    image = ax.imshow(matrix.numpy(), vmin=0, vmax=1)
    fig.colorbar(image, ax=ax, label="注意力权重")
    ax.set(
        title=title, xlabel="键的位置 j", ylabel="查询的位置 i", xticks=range(L), yticks=range(L)
    )
    ax.grid(False)
fig.tight_layout()
plt.show()

# %% [markdown]
# 图上能读出的事实，逐条检查：
#
# - 每一行是第 $i$ 个查询在 8 个键上的注意力分布：权重都不小于 0，每行之和为 1。
# - `nn.MultiheadAttention` 返回的权重，等于用它的 `in_proj_weight`、`in_proj_bias` 手算的 $Q = XW_Q^\top + b_Q$、$K = XW_K^\top + b_K$，再算 $\operatorname{softmax}(QK^\top/\sqrt{d})$；层的输出也等于 $AV$ 再经过 `out_proj`。
# - 训练后模型在 1000 条新序列上的逐位置准确率超过 0.95。
# - 注意力矩阵是一条反对角线：平均权重矩阵第 $i$ 行的最大值在第 $L-1-i$ 列，而且这一格平均拿到一半以上的权重；示例序列的每一行也是如此。模型自己学会了“第 $i$ 个输出去看第 $L-1-i$ 个输入”。
# - 这要靠位置编码：同样的模型、同样的训练，只把位置编码换成全 0，准确率只有约 0.32。没有位置信息时注意力对词序置换等变，第 $i$ 个位置的输出只取决于它自己的词元和整条序列里有哪些词元；它要猜的是另外 7 个位置中的某一个，而这 7 个位置对它来说无法区分，最好的办法是猜其中出现次数最多的词。按 7 个词元的所有组合精确算出，任何看不到位置的模型，期望准确率最多是 0.317；这一次训练的对照模型几乎正好达到这个上限（检查两者相差不到 0.02；1000 条测试序列带来的抽样误差约 0.004），但在期望意义上不可能超过它。

# %%
assert (A >= 0).all()
torch.testing.assert_close(A.sum(dim=-1), torch.ones(1000, L))

with torch.no_grad():
    X = model.embed(test) + model.pe
    W_q, W_k, W_v = model.attn.in_proj_weight.chunk(3)
    b_q, b_k, b_v = model.attn.in_proj_bias.chunk(3)
    Q, K, V = X @ W_q.T + b_q, X @ W_k.T + b_k, X @ W_v.T + b_v
    A_manual = torch.softmax(Q @ K.transpose(1, 2) / math.sqrt(d), dim=-1)
    H_manual = model.attn.out_proj(A_manual @ V)
    H_torch, _ = model.attn(X, X, X, need_weights=False)
torch.testing.assert_close(A, A_manual)
torch.testing.assert_close(H_torch, H_manual)

# 看不到位置时的准确率上限：E[另外 7 个词元里出现最多的那个词的次数] / 7，按所有组合精确求和
others = L - 1
ways_total, bound = 0, 0.0
for combo in itertools.combinations_with_replacement(range(vocab), others):
    counts = Counter(combo).values()
    ways = math.factorial(others) // math.prod(math.factorial(c) for c in counts)
    ways_total += ways
    bound += ways * max(counts) / others / vocab**others
assert ways_total == vocab**others  # 所有组合的概率之和为 1
assert accuracy > 0.95 and bound - 0.02 < accuracy_no_pe < bound + 0.02
anti_diagonal = torch.arange(L - 1, -1, -1)
assert torch.equal(A_mean.argmax(dim=1), anti_diagonal)
assert torch.equal(A[0].argmax(dim=1), anti_diagonal)
assert A_mean[torch.arange(L), anti_diagonal].min() > 0.5
print("最后一步的训练损失低于 1e-3：", loss.item() < 1e-3)
print(f"新序列上的准确率：{accuracy:.2f}；去掉位置编码：{accuracy_no_pe:.2f}（上限 {bound:.3f}）")
print(f"反对角线上的平均权重：{A_mean[torch.arange(L), anti_diagonal].mean().item():.2f}")
