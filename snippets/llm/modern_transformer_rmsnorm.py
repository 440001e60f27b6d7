"""RMSNorm：只除以均方根、乘可学习的增益，不减均值、没有偏置。手写版本与 torch.nn.RMSNorm 一致；
它对输入的缩放不变（与 LayerNorm 一样），对输入的平移却会变（LayerNorm 不变）。"""

import torch
from torch import nn

torch.manual_seed(0)
d = 8
x = torch.randn(4, d)


def rms_norm(x: torch.Tensor, gain: torch.Tensor, eps: float) -> torch.Tensor:
    return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps) * gain


norm = nn.RMSNorm(d)  # eps=None（默认）
with torch.no_grad():
    norm.weight.uniform_(0.5, 1.5)
eps = torch.finfo(torch.float32).eps
torch.testing.assert_close(rms_norm(x, norm.weight, eps), norm(x))

# eps=None 时到底用哪个 ε：在很小的输入上（均方 ~1e-8），ε 主导分母，不同的 ε 给出明显不同的输出
tiny = 1e-4 * x
for eps_guess in (0.0, 1e-6, 1e-5):
    assert not torch.allclose(norm(tiny), rms_norm(tiny, norm.weight, eps_guess), rtol=1e-2)
torch.testing.assert_close(norm(tiny), rms_norm(tiny, norm.weight, eps))
# float64 输入用 float64 的机器精度；bfloat16 输入仍用 float32 的（在 float32 里计算）
norm64 = nn.RMSNorm(d, dtype=torch.float64)
tiny64 = tiny.double()
eps64 = torch.finfo(torch.float64).eps
torch.testing.assert_close(norm64(tiny64), rms_norm(tiny64, norm64.weight, eps64))
bf16_out = nn.RMSNorm(d, dtype=torch.bfloat16)(tiny.bfloat16()).double()
ones = torch.ones(d, dtype=torch.float64)


def bf16_err(eps_guess: float) -> float:
    return (bf16_out - rms_norm(tiny64, ones, eps_guess)).abs().max().item()


others = (0.0, 1e-6, torch.finfo(torch.bfloat16).eps)  # 其他候选 ε 的误差都大得多
print(
    "eps=None 时 bfloat16 输入也用 finfo(float32).eps：",
    bf16_err(eps) < 0.02 < min(bf16_err(e) for e in others),
)
# > eps=None 时 bfloat16 输入也用 finfo(float32).eps： True

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
