"""自编码器要有约束才学得到结构：过完备（隐藏层比输入宽）又不加正则时，它把带噪输入原样复制出来；
1 维瓶颈（欠完备）或输入加噪（去噪自编码器）都迫使它学到数据所在的曲线，
能把新样本的噪声去掉。5 个种子。"""

import itertools
import math

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
S, D, n, sigma = 5, 10, 200, 0.3  # 5 个种子并行训练（参数多一个批维度）
P = torch.linalg.qr(torch.randn(S, D, 2)).Q  # 每个种子一个随机的 2 维平面，嵌入 10 维空间


def sample(m: int) -> tuple[torch.Tensor, torch.Tensor]:
    """干净数据在一段圆弧上（本质 1 维），观测 = 干净数据 + 各向同性高斯噪声。"""
    t = torch.rand(S, m, 1) * 1.5 * math.pi
    clean = 2 * torch.cat([t.cos(), t.sin()], dim=-1) @ P.transpose(1, 2)
    return clean, clean + sigma * torch.randn_like(clean)


_, X = sample(n)  # 训练只看到带噪的样本
clean_te, X_te = sample(1000)  # 新样本，用来看它是“学到了曲线”还是“复制了输入”


def init(sizes: list[int]) -> list[torch.Tensor]:
    ps = []
    for a, b in itertools.pairwise(sizes):
        ps += [
            (torch.randn(S, a, b) / math.sqrt(a)).requires_grad_(),
            torch.zeros(S, 1, b, requires_grad=True),
        ]
    return ps


def forward(ps: list[torch.Tensor], x: torch.Tensor, linear_layers: set[int]) -> torch.Tensor:
    for i in range(len(ps) // 2):
        x = x @ ps[2 * i] + ps[2 * i + 1]
        if i not in linear_layers:
            x = torch.tanh(x)
    return x


def train(
    sizes: list[int], linear_layers: set[int], input_noise: float
) -> tuple[torch.Tensor, ...]:
    ps = init(sizes)
    opt = torch.optim.Adam(ps, lr=0.02)
    for _ in range(300):
        x_in = X + input_noise * torch.randn_like(X)  # 去噪自编码器：输入再加噪，目标仍是 X
        loss = ((forward(ps, x_in, linear_layers) - X) ** 2).mean(dim=(1, 2)).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        train_err = ((forward(ps, X, linear_layers) - X) ** 2).mean(dim=(1, 2))  # 重构训练输入
        out = forward(ps, X_te, linear_layers)
        to_clean = ((out - clean_te) ** 2).mean(dim=(1, 2))  # 输出离干净数据多远
        to_input = ((out - X_te) ** 2).mean(dim=(1, 2))  # 输出离带噪输入多远
    return train_err, to_clean, to_input


noise_mse = ((X_te - clean_te) ** 2).mean(dim=(1, 2))  # 什么都不做：误差就是噪声方差 σ² = 0.09
results = {
    "欠完备 10-32-1-32-10": train([D, 32, 1, 32, D], linear_layers={1, 3}, input_noise=0.0),
    "过完备 10-64-10": train([D, 64, D], linear_layers={1}, input_noise=0.0),
    "过完备 + 去噪": train([D, 64, D], linear_layers={1}, input_noise=0.3),
}


def fmt(v: torch.Tensor) -> str:
    return "< 0.001" if v < 1e-3 else f"{v:.3f}"


print(f"输入本身离干净数据：{noise_mse.mean():.3f}")
# > 输入本身离干净数据：0.090
for name, (train_err, to_clean, to_input) in results.items():
    print(
        f"{name}：训练重构 {fmt(train_err.mean())}，"
        f"输出离干净数据 {to_clean.mean():.3f}，离带噪输入 {fmt(to_input.mean())}"
    )
    # > 欠完备 10-32-1-32-10：训练重构 0.081，输出离干净数据 0.015，离带噪输入 0.087
    # > 过完备 10-64-10：训练重构 < 0.001，输出离干净数据 0.088，离带噪输入 < 0.001
    # > 过完备 + 去噪：训练重构 0.020，输出离干净数据 0.032，离带噪输入 0.024

under, over, dae = results.values()
# 检查 1：过完备、无正则：5 个种子都几乎完美地重构训练输入，但对新样本只是原样复制（噪声一点没去掉）
assert (over[0] < 0.005).all() and (over[2] < 0.005).all()
assert ((over[1] - noise_mse).abs() < 0.1 * noise_mse).all()
# 检查 2：瓶颈和输入噪声都让它学到曲线：每个种子的输出离干净数据都不到噪声方差的 60%
assert (under[1] < 0.6 * noise_mse).all() and (dae[1] < 0.6 * noise_mse).all()
# 检查 3：代价是训练输入重构不再完美（它不再是恒等映射）
assert (under[0] > 0.05).all() and (dae[0] > 0.01).all()
