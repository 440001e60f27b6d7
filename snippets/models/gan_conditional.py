"""条件 GAN（cGAN）：把条件 y（这里是类别的独热向量）拼接到生成器的噪声 z 和判别器的输入 x 上。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
num_classes, z_dim, x_dim, hidden, B = 10, 8, 4, 16, 6


class CondGenerator(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(z_dim + num_classes, hidden), nn.ReLU(), nn.Linear(hidden, x_dim)
        )

    def forward(self, z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        h = torch.cat([z, F.one_hot(y, num_classes).float()], dim=1)  # (B, z_dim + 类别数)
        return self.net(h)


class CondDiscriminator(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(x_dim + num_classes, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1)
        )

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([x, F.one_hot(y, num_classes).float()], dim=1))  # logit


G, D = CondGenerator(), CondDiscriminator()
z, y = torch.randn(B, z_dim), torch.randint(0, num_classes, (B,))
x_fake = G(z, y)
logit = D(x_fake, y)  # 判别器评判的是 (x, y) 这一对：“x 是真的，并且和 y 相符吗？”
n_G = sum(p.numel() for p in G.parameters())
n_D = sum(p.numel() for p in D.parameters())
print(tuple(x_fake.shape), tuple(logit.shape), n_G, n_D)
# > (6, 4) (6, 1) 372 257

# 检查 1：拼接后的形状与参数量
assert torch.cat([z, F.one_hot(y, num_classes).float()], dim=1).shape == (B, z_dim + num_classes)
assert n_G == (z_dim + num_classes) * hidden + hidden + hidden * x_dim + x_dim
assert n_D == (x_dim + num_classes) * hidden + hidden + hidden * 1 + 1
# 检查 2：独热向量拼接后过线性层 = 对 z 的线性变换 + 按类别查表的一列权重（等价于类别嵌入）
first = G.net[0]
W_z, W_y = first.weight[:, :z_dim], first.weight[:, z_dim:]
emb = nn.Embedding.from_pretrained(W_y.T.detach())  # 第 c 行 = W_y 的第 c 列
h_cat = first(torch.cat([z, F.one_hot(y, num_classes).float()], dim=1))
torch.testing.assert_close(h_cat, z @ W_z.T + first.bias + emb(y))
# 检查 3：同一个 z，换一个条件，生成的样本就变了；判别器对 (x, y) 与 (x, y') 的打分也不同
y_other = (y + 1) % num_classes
assert not torch.allclose(G(z, y), G(z, y_other))
assert not torch.allclose(D(x_fake, y), D(x_fake, y_other))
