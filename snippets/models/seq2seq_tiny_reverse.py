"""一个完整的小 Seq2Seq：双向 GRU 编码器 + 加性注意力 GRU 解码器，学会把数字序列倒过来。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：打印的数字不随线程数等浮点细节变化
BOS, EOS, V = 0, 1, 10  # 0 = <bos>，1 = <eos>，2..9 是 8 个“数字”
E, H, A = 8, 16, 16  # 嵌入维度、每个方向的隐藏维度、注意力维度


class Seq2Seq(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.emb_src, self.emb_tgt = nn.Embedding(V, E), nn.Embedding(V, E)
        self.encoder = nn.GRU(E, H, batch_first=True, bidirectional=True)
        self.W_init = nn.Linear(H, H)  # s_0 = tanh(W_init ←h_1)，与 Bahdanau 等相同
        self.W = nn.Linear(H, A, bias=False)
        self.U = nn.Linear(2 * H, A)  # 偏置在 tanh 里面，不会被 softmax 抵消
        self.v = nn.Linear(A, 1, bias=False)
        self.cell = nn.GRUCell(E + 2 * H, H)
        self.out = nn.Linear(H + 2 * H, V)  # 输出层看 [s_t; c_t]

    def forward(self, X: torch.Tensor, Y_in: torch.Tensor | None, steps: int):
        """Y_in 给定时用教师强制；为 None 时贪心解码，把预测喂回去。"""
        hs, h_n = self.encoder(self.emb_src(X))  # hs: (B, T, 2H)
        s = torch.tanh(self.W_init(h_n[1]))
        Uh = self.U(hs)  # U h_j 与解码步无关，只算一次
        y, logits, alphas = torch.full((len(X),), BOS), [], []
        for t in range(steps):
            y_prev = y if Y_in is None else Y_in[:, t]  # 推理：自己的预测；训练：真实的 y_{t-1}
            e = self.v(torch.tanh(self.W(s)[:, None] + Uh)).squeeze(-1)
            alpha = F.softmax(e, dim=1)
            c = torch.bmm(alpha[:, None], hs).squeeze(1)
            s = self.cell(torch.cat([self.emb_tgt(y_prev), c], dim=1), s)
            logits.append(self.out(torch.cat([s, c], dim=1)))
            alphas.append(alpha)
            y = logits[-1].argmax(dim=1)
        return torch.stack(logits, dim=1), torch.stack(alphas, dim=1)


def target(X: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """目标 = 倒序 + <eos>；解码器输入 = <bos> + 目标去掉最后一个。"""
    Y = torch.cat([X.flip(1), torch.full((len(X), 1), EOS)], dim=1)
    return Y, torch.cat([torch.full((len(X), 1), BOS), Y[:, :-1]], dim=1)


test = {T: torch.randint(2, V, (100, T)) for T in (3, 4, 5)}  # 留出的测试序列，训练中不出现
model = Seq2Seq()
opt = torch.optim.Adam(model.parameters(), lr=1.5e-2, fused=True)  # fused：一次更新所有参数，更快
losses = []
for step in range(120):
    T = 3 + step % 3  # 长度在 3、4、5 之间轮换
    X = torch.randint(2, V, (40, T))
    X = X[~(X[:, None] == test[T][None]).all(dim=-1).any(dim=1)][:32]  # 去掉测试序列
    Y, Y_in = target(X)
    logits, _ = model(X, Y_in, steps=T + 1)
    loss = F.cross_entropy(logits.reshape(-1, V), Y.reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    losses.append(loss.item())
print(f"前 5 步平均损失 {sum(losses[:5]) / 5:.2f}，最后 5 步 {sum(losses[-5:]) / 5:.3f}")
# > 前 5 步平均损失 2.14，最后 5 步 0.067

model.eval()
with torch.no_grad():
    for T, X in test.items():
        Y, _ = target(X)
        logits, alpha = model(X, None, steps=T + 1)
        pred = logits.argmax(dim=-1)
        token_acc = (pred == Y).double().mean().item()
        seq_acc = (pred == Y).all(dim=1).double().mean().item()
        # 倒序任务的正确对齐：第 t 个输出词对应第 T+1-t 个源词（反对角线）
        anti = (alpha[:, :T].argmax(dim=-1) == torch.arange(T - 1, -1, -1)).double().mean().item()
        print(f"T={T}：词准确率 {token_acc:.3f}，整句准确率 {seq_acc:.2f}，对齐 {anti:.2f}")
        # 检查（这一次运行）：留出序列上几乎全对，注意力几乎都落在反对角线上
        assert token_acc > 0.95 and anti > 0.9
# > T=3：词准确率 1.000，整句准确率 1.00，对齐 1.00
# > T=4：词准确率 1.000，整句准确率 1.00，对齐 1.00
# > T=5：词准确率 0.980，整句准确率 0.93，对齐 0.99
print(X[0].tolist(), "->", pred[0].tolist())
# > [3, 6, 5, 3, 4] -> [4, 3, 5, 6, 3, 1]
for row in alpha[0, :T]:  # 这个例子的对齐矩阵（%）：行是输出位置，列是源位置
    print((row * 100).round().int().tolist())
# > [1, 1, 1, 3, 93]
# > [2, 2, 7, 76, 14]
# > [2, 22, 72, 4, 1]
# > [13, 80, 5, 2, 1]
# > [70, 26, 2, 1, 1]

# 检查：训练损失从接近 ln 10 ≈ 2.3（瞎猜）降到原来的 10% 以下
assert sum(losses[:5]) / 5 > 2.0 and sum(losses[-5:]) / 5 < 0.1 * sum(losses[:5]) / 5
