"""完整的小 Transformer：嵌入 ×√d + 正弦位置编码 + nn.Transformer + 与嵌入共享权重的输出层。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, d, h, d_ff, N = 20, 16, 4, 32, 2  # 词表、d_model、头数、FFN 维度、层数
BOS = 1


def sinusoid(L: int, d: int) -> torch.Tensor:
    pos, i = torch.arange(L)[:, None], torch.arange(0, d, 2)
    PE = torch.zeros(L, d)
    PE[:, 0::2], PE[:, 1::2] = torch.sin(pos / 10000 ** (i / d)), torch.cos(pos / 10000 ** (i / d))
    return PE


class TinyTransformer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(V, d)  # 源、目标共用一张词表和嵌入
        nn.init.normal_(self.embed.weight, std=d**-0.5)  # 与 ×√d 配套的初始化
        self.core = nn.Transformer(d, h, N, N, d_ff, dropout=0.0, batch_first=True)
        self.out = nn.Linear(d, V, bias=False)
        self.out.weight = self.embed.weight  # 权重绑定：输出投影就是嵌入矩阵
        self.register_buffer("PE", sinusoid(64, d))  # 缓冲区，不是参数

    def inputs(self, ids: torch.Tensor) -> torch.Tensor:
        return self.embed(ids) * math.sqrt(d) + self.PE[: ids.shape[1]]

    def forward(self, src: torch.Tensor, tgt_in: torch.Tensor) -> torch.Tensor:
        mask = nn.Transformer.generate_square_subsequent_mask(tgt_in.shape[1])
        H = self.core(self.inputs(src), self.inputs(tgt_in), tgt_mask=mask)
        return self.out(H)  # logits：(B, T, V)


model = TinyTransformer()
src = torch.randint(2, 12, (3, 7))  # 3 个源句子，长 7
y = torch.randint(2, 12, (3, 6))  # 目标句子，长 6（词元 id 都在 2..11 之间）
tgt_in = torch.cat([torch.full((3, 1), BOS), y[:, :-1]], dim=1)  # 教师强制：右移一位
logits = model(src, tgt_in)
loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1), label_smoothing=0.1)
loss.backward()
n_model = sum(p.numel() for p in model.parameters())
print(tuple(logits.shape), n_model)
# > (3, 6, 20) 11520

# 检查 1：共享权重只算一次；参数量 = 嵌入 V·d + nn.Transformer 本体
assert model.out.weight is model.embed.weight
assert n_model == V * d + sum(p.numel() for p in model.core.parameters())
# 检查 2：共享矩阵同时从输入端和输出端拿到梯度：没出现在输入里的词元（如 15）也有梯度
assert 15 not in src and 15 not in tgt_in and model.embed.weight.grad[15].abs().sum() > 0
# 检查 3：×√d 之后嵌入每个分量的均方约为 1，与位置编码的 1/2 同一量级；
# 若用 nn.Embedding 默认的 N(0, 1) 初始化再 ×√d，均方约为 d = 16，位置编码就被淹没了
ms_emb = (model.embed.weight * math.sqrt(d)).pow(2).mean().item()
ms_default = (nn.Embedding(V, d).weight * math.sqrt(d)).pow(2).mean().item()
assert 0.7 < ms_emb < 1.3 and 12 < ms_default < 20 and 10 < ms_default / ms_emb < 20
torch.testing.assert_close(model.PE.pow(2).mean(), torch.tensor(0.5))
# 检查 4：整个模型也满足因果性：改动第 3 个之后的目标词元，前 3 个位置的 logits 不变
tgt2 = tgt_in.clone()
tgt2[:, 3:] = torch.randint(2, 12, (3, 3))
with torch.no_grad():
    torch.testing.assert_close(model(src, tgt2)[:, :3], logits[:, :3].detach())
