"""图像输入 [N, C, H, W]：BN、LN、IN、GN 只差在“在哪几个维度上求均值和方差”。
按公式手写四种归一化，与 nn.BatchNorm2d（训练模式）、nn.LayerNorm、
nn.InstanceNorm2d、nn.GroupNorm 对比。"""

import torch
from torch import nn

torch.manual_seed(0)

N, C, H, W, G = 4, 6, 5, 5, 3
X = torch.randn(N, C, H, W) * 3 + 1
eps = 1e-5


def normalize(x: torch.Tensor, dims: tuple[int, ...]) -> torch.Tensor:
    """(x - μ) / √(σ² + ε)，μ 和 σ² 在 dims 上求；σ² 是有偏方差（除以元素个数）。"""
    mu = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, keepdim=True, unbiased=False)
    return (x - mu) / torch.sqrt(var + eps)


bn = normalize(X, (0, 2, 3))  # 每个通道一组：跨样本、跨空间位置
ln = normalize(X, (1, 2, 3))  # 每个样本一组：跨通道、跨空间位置
inorm = normalize(X, (2, 3))  # 每个样本的每个通道一组：只跨空间位置
gn = normalize(X.reshape(N, G, C // G, H, W), (2, 3, 4)).reshape(N, C, H, W)  # 每个样本每组通道

# 每种方法各算了多少组 (μ, σ²)，每组用了多少个数
groups = {
    "BN": (C, N * H * W),
    "LN": (N, C * H * W),
    "IN": (N * C, H * W),
    "GN": (N * G, C // G * H * W),
}
print(groups)
# > {'BN': (6, 100), 'LN': (4, 150), 'IN': (24, 25), 'GN': (12, 50)}

# 检查：手写结果与 PyTorch 的模块一致（γ 初始化为 1、β 为 0，所以不影响比较）
torch.testing.assert_close(bn, nn.BatchNorm2d(C).train()(X))
torch.testing.assert_close(ln, nn.LayerNorm([C, H, W])(X))
torch.testing.assert_close(inorm, nn.InstanceNorm2d(C)(X))
torch.testing.assert_close(gn, nn.GroupNorm(G, C)(X))
# 检查：归一化之后，在各自的维度上均值为 0、方差为 1
for Y, dims in [(bn, (0, 2, 3)), (ln, (1, 2, 3)), (inorm, (2, 3))]:
    mu = Y.mean(dim=dims)
    torch.testing.assert_close(mu, torch.zeros_like(mu), atol=1e-5, rtol=0)
    var = Y.var(dim=dims, unbiased=False)
    torch.testing.assert_close(var, torch.ones_like(var), atol=1e-4, rtol=0)
# 检查：组数 × 每组元素个数 = 全部元素个数，四种方法只是把同一个张量切成不同的组
for count, size in groups.values():
    assert count * size == X.numel()
