"""RMSNorm：只除以均方根、乘可学习的增益，不减均值、没有偏置。手写版本与 torch.nn.RMSNorm 一致；
它对输入的缩放不变（与 LayerNorm 一样），对输入的平移却会变（LayerNorm 不变）。"""

import torch
from torch import nn

torch.manual_seed(0)
d = 8
x = torch.randn(4, d)


def rms_norm(x: torch.Tensor, gain: torch.Tensor, eps: float) -> torch.Tensor:
    return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps) * gain


norm = nn.RMSNorm(d)  # eps=None：用 torch.finfo(torch.float32).eps
with torch.no_grad():
    norm.weight.uniform_(0.5, 1.5)
eps = torch.finfo(torch.float32).eps
torch.testing.assert_close(rms_norm(x, norm.weight, eps), norm(x))
n_rms = sum(p.numel() for p in norm.parameters())
n_ln = sum(p.numel() for p in nn.LayerNorm(d).parameters())
print(f"参数量：RMSNorm {n_rms}（只有增益），LayerNorm {n_ln}（增益和偏置）")
# > 参数量：RMSNorm 8（只有增益），LayerNorm 16（增益和偏置）

layer_norm = nn.LayerNorm(d)
for name, f in [("RMSNorm", norm), ("LayerNorm", layer_norm)]:
    scaled = torch.allclose(f(3 * x), f(x), atol=1e-5)
    shifted = torch.allclose(f(x + 2), f(x), atol=1e-5)
    print(f"{name}：输入乘 3 后输出不变 {scaled}，输入加 2 后输出不变 {shifted}")
# > RMSNorm：输入乘 3 后输出不变 True，输入加 2 后输出不变 False
# > LayerNorm：输入乘 3 后输出不变 True，输入加 2 后输出不变 True
