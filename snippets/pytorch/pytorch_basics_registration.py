"""注册：只有赋值给 self 的 nn.Module、nn.Parameter 才被注册；
放进普通 Python list 的层、普通张量都不算，优化器看不到、.to() 也不管。
register_buffer 注册的张量进 state_dict、随 .to() 移动，但不是参数。"""

import torch
from torch import nn

torch.manual_seed(0)


class Bad(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = [nn.Linear(4, 4) for _ in range(3)]  # 普通 list：不注册
        self.scale = torch.ones(4, requires_grad=True)  # 普通张量：不注册

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            X = layer(X)
        return X * self.scale


class Good(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(4, 4) for _ in range(3))
        self.scales = nn.ParameterList(nn.Parameter(torch.ones(4)) for _ in range(3))
        self.register_buffer("running_mean", torch.zeros(4))  # 要保存、但不训练的状态
        self.register_buffer("cache", torch.zeros(4), persistent=False)  # 不进 state_dict

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        for layer, s in zip(self.layers, self.scales, strict=True):
            X = layer(X) * s
        with torch.no_grad():
            self.running_mean.mul_(0.9).add_(0.1 * X.mean(dim=0))
        return X


X = torch.randn(2, 4)
bad, good = Bad(), Good()
bad(X), good(X)
n_bad = sum(p.numel() for p in bad.parameters())
n_good = sum(p.numel() for p in good.parameters())
print(n_bad, n_good)
# > 0 72
print(len(good.state_dict()), list(good.state_dict())[:2])  # 6 + 3 个参数，1 个 buffer
# > 10 ['running_mean', 'layers.0.weight']

# 优化器拿到空的参数列表直接报错
optim_failed = False
try:
    torch.optim.SGD(bad.parameters(), lr=0.1)
except ValueError:
    optim_failed = True

# .to() 只转换注册过的参数和缓冲区（这里用 dtype 代替设备演示，CPU 上也能跑）
bad.to(torch.float64)
good.to(torch.float64)

# 真实的例子：批归一化的 running 统计量就是 buffer
bn = nn.BatchNorm1d(4)

# 检查：ModuleList + ParameterList 的参数个数 = 3 × (4×4 + 4) + 3 × 4
assert n_bad == 0 and n_good == 3 * (4 * 4 + 4) + 3 * 4 == 72
# 检查：buffer 在 state_dict 里、不在 parameters() 里；persistent=False 的不进 state_dict
names = [n for n, _ in good.named_parameters()]
assert "running_mean" in good.state_dict() and "running_mean" not in names
assert "cache" not in good.state_dict() and [n for n, _ in good.named_buffers()] == [
    "running_mean",
    "cache",
]
assert not good.running_mean.requires_grad and good.running_mean.abs().sum() > 0
assert optim_failed
# 检查：没注册的层和张量不会被 .to() 转换，注册过的参数和 buffer 都转换了
assert bad.layers[0].weight.dtype == torch.float32 and bad.scale.dtype == torch.float32
assert good.layers[0].weight.dtype == torch.float64 and good.running_mean.dtype == torch.float64
# 检查：BatchNorm1d 的参数只有 weight、bias，running 统计量是 buffer
assert [n for n, _ in bn.named_parameters()] == ["weight", "bias"]
assert list(bn.state_dict().keys()) == [
    "weight",
    "bias",
    "running_mean",
    "running_var",
    "num_batches_tracked",
]
