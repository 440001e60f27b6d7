"""把增强的随机性都交给一个 torch.Generator：同一个种子得到完全相同的增强结果，可以复现；
同一个生成器继续用下去，每个 epoch 看到的是同一张图的不同版本；也不会打乱全局随机数状态。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def augment(x: torch.Tensor, g: torch.Generator, pad: int = 2, sigma: float = 0.05) -> torch.Tensor:
    """随机水平翻转（概率 1/2）→ 补边后随机裁剪 → 加高斯噪声。x 的形状是 (C, H, W)。"""
    H, W = x.shape[-2:]
    if torch.rand(1, generator=g).item() < 0.5:
        x = torch.flip(x, dims=[-1])
    i, j = torch.randint(0, 2 * pad + 1, (2,), generator=g).tolist()
    x = F.pad(x, (pad, pad, pad, pad))[:, i : i + H, j : j + W]
    return x + sigma * torch.randn(x.shape, generator=g)


x = torch.rand(3, 8, 8)
state = torch.get_rng_state()  # 全局随机数状态

a = augment(x, torch.Generator().manual_seed(42))
b = augment(x, torch.Generator().manual_seed(42))  # 同一个种子
c = augment(x, torch.Generator().manual_seed(7))  # 另一个种子
g = torch.Generator().manual_seed(42)
epochs = [augment(x, g) for _ in range(3)]  # 同一个生成器连用 3 次（3 个 epoch）

# 检查 1：同一个种子，结果逐位相同；换一个种子就不同；形状不变
assert torch.equal(a, b) and not torch.equal(a, c) and a.shape == x.shape
# 检查 2：第一个 epoch 与种子 42 的结果相同，之后每个 epoch 的版本都不一样
assert torch.equal(epochs[0], a)
assert not torch.equal(epochs[0], epochs[1]) and not torch.equal(epochs[1], epochs[2])
# 检查 3：用独立的生成器不消耗全局随机数：全局状态原封不动
assert torch.equal(torch.get_rng_state(), state)
