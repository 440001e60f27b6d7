"""逐张量与逐通道量化：一个离群的输出通道拖垮逐张量量化；逐通道对照 torch.quantize_per_channel。"""

import warnings

import torch

torch.manual_seed(0)
warnings.filterwarnings("ignore", message="torch.quantize_per_tensor")


def quant_dequant(w: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """对称 int8：scale 可以是一个数（逐张量），也可以是每行一个（逐通道，形状 [d_out, 1]）。"""
    return torch.clamp(torch.round(w / scale), -127, 127) * scale


def outlier_weight(seed: int) -> torch.Tensor:
    """64×256 的权重（d_out × d_in），第 5 个输出通道整体放大 50 倍。"""
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(64, 256, generator=g) * 0.02
    w[5] *= 50
    return w


w = outlier_weight(0)
s_tensor = w.abs().max() / 127  # 逐张量：一个 scale，由离群通道决定
s_chan = w.abs().amax(dim=1, keepdim=True) / 127  # 逐通道：每个输出通道一个 scale

# 逐通道对照 torch.quantize_per_channel（axis=0 即每个输出通道一组 scale 和零点）
ref = torch.quantize_per_channel(
    w, s_chan.squeeze(1).double(), torch.zeros(64, dtype=torch.long), 0, torch.qint8
)
deq_chan = quant_dequant(w, s_chan)
assert torch.equal(deq_chan, ref.dequantize())
# 逐张量对照 torch.quantize_per_tensor
deq_tensor = quant_dequant(w, s_tensor)
assert torch.equal(
    deq_tensor, torch.quantize_per_tensor(w, s_tensor.item(), 0, torch.qint8).dequantize()
)

normal = torch.arange(64) != 5  # 除离群通道外的 63 个通道
mse_t = ((w - deq_tensor)[normal].double() ** 2).mean().item()
mse_c = ((w - deq_chan)[normal].double() ** 2).mean().item()
print(f"普通通道的均方误差：逐张量 {mse_t:.2e}，逐通道 {mse_c:.2e}，比值 {mse_t / mse_c:.0f}")
# > 普通通道的均方误差：逐张量 7.20e-05，逐通道 2.00e-08，比值 3597

# 闭式参照：scale 远小于权重的尺度时，误差在 [-s/2, s/2] 上近似均匀分布，均方误差 ≈ s²/12
assert abs(mse_c / ((s_chan[normal] ** 2).mean().item() / 12) - 1) < 0.05

# 逐张量时普通通道的 scale 太粗：四到五成的权重被舍入成 0（逐通道时几乎没有）
n_zero = int((torch.round(w[normal] / s_tensor) == 0).sum())
print(f"逐张量时普通通道被量化成 0 的权重：{n_zero}/{w[normal].numel()}")
# > 逐张量时普通通道被量化成 0 的权重：8608/16128

# 5 个种子都成立：普通通道上，逐通道的误差比逐张量小三个数量级以上
ratios = []
for seed in range(5):
    w = outlier_weight(seed)
    e_t = ((w - quant_dequant(w, w.abs().max() / 127))[normal] ** 2).mean()
    e_c = ((w - quant_dequant(w, w.abs().amax(dim=1, keepdim=True) / 127))[normal] ** 2).mean()
    ratios.append(e_t / e_c)
    zero_t = (torch.round(w[normal] / (w.abs().max() / 127)) == 0).float().mean()
    zero_c = (torch.round(w / w.abs().amax(dim=1, keepdim=True) * 127)[normal] == 0).float().mean()
    assert 0.35 < zero_t < 0.6 and zero_c < 0.02  # 比例随离群通道的最大值变化
print(bool(min(ratios) > 1000), bool(max(ratios) < 10000))
# > True True
# 离群通道自己的 scale 两种做法一样，误差也一样：逐通道只是不再让它连累别的通道
assert torch.equal(
    quant_dequant(w, w.abs().max() / 127)[5],
    quant_dequant(w, w.abs().amax(dim=1, keepdim=True) / 127)[5],
)

# 逐通道的 scale 可以提到矩阵乘法外面：y = x Ŵᵀ = (x Qᵀ) · diag(s)，整数矩阵乘再逐列缩放
x = torch.randn(8, 256, dtype=torch.float64)
Q = torch.clamp(torch.round(w / s_chan), -127, 127).double()
y_int = (x @ Q.T) * s_chan.double().T  # 先做 Q 的矩阵乘，最后每个输出通道乘自己的 scale
torch.testing.assert_close(y_int, x @ (Q * s_chan.double()).T)
