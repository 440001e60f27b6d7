"""absmax（对称）与零点（非对称）int8 量化：舍入、截断、误差界 scale/2，对照 PyTorch 的实现。"""

import warnings

import torch

torch.manual_seed(0)
# torch 2.13 对 quantize_per_tensor 等量化张量 API 发出弃用警告；这里只拿它当参照
warnings.filterwarnings("ignore", message="torch.quantize_per_tensor")


def absmax_quant(x: torch.Tensor) -> tuple[torch.Tensor, float]:
    """对称量化：scale = max|x| / 127，q = clamp(round(x / scale), -127, 127)。"""
    scale = x.abs().max().item() / 127
    return torch.clamp(torch.round(x / scale), -127, 127), scale


def affine_quant(
    x: torch.Tensor, qmin: int = 0, qmax: int = 255
) -> tuple[torch.Tensor, float, int]:
    """非对称（仿射）量化：scale = (max - min) / 255，零点 z = qmin - round(min / scale)。"""
    lo, hi = min(x.min().item(), 0.0), max(x.max().item(), 0.0)  # 区间必须包含 0
    scale = (hi - lo) / (qmax - qmin)
    z = int(qmin - round(lo / scale))
    return torch.clamp(torch.round(x / scale) + z, qmin, qmax), scale, z


# 舍入是“四舍六入五成双”（round half to even），torch.round 与量化内核一致
print(torch.round(torch.tensor([0.5, 1.5, 2.5, -2.5])).tolist())
# > [0.0, 2.0, 2.0, -2.0]
ties = torch.tensor([0.5, 1.5, 2.5, -0.5, -2.5])
assert torch.equal(
    torch.quantize_per_tensor(ties, 1.0, 0, torch.qint8).int_repr().float(), torch.round(ties)
)

# torch.qint8 的取值范围是 [-128, 127]；absmax 只用 [-127, 127]，让正负对称
q = torch.quantize_per_tensor(torch.tensor([-1000.0, 1000.0]), 1.0, 0, torch.qint8)
print(q.int_repr().tolist())
# > [-128, 127]

# ---- 对称量化，对照 torch.quantize_per_tensor(qint8, zero_point=0) ----
x = torch.randn(100_000)
qx, s = absmax_quant(x)
ref = torch.quantize_per_tensor(x, s, 0, torch.qint8)
assert torch.equal(qx.to(torch.int8), ref.int_repr())  # 整数码逐个相同
deq = qx * s
assert torch.equal(deq, ref.dequantize())  # 反量化 = q * scale
fake = torch.fake_quantize_per_tensor_affine(x, s, 0, -128, 127)
assert torch.equal(deq, fake)  # 伪量化 = 量化后立刻反量化

# 误差界：区间内 |x - dequant(quant(x))| <= scale / 2，10 万个值都满足，而且是紧的
err = (x - deq).abs().max().item()
print(f"最大误差 / scale = {err / s:.3f}")
# > 最大误差 / scale = 0.500
assert err <= s / 2 * (1 + 1e-5)
assert err > 0.499 * s  # 紧：最坏情况几乎正好达到 scale/2
# 正好落在两个格点中间的值，误差恰好是 scale/2（用 2 的幂作 scale，浮点运算精确）
mid = torch.tensor([2.5, -7.5, 100.5]) * 0.0625
e_mid = (mid - torch.fake_quantize_per_tensor_affine(mid, 0.0625, 0, -128, 127)).abs()
assert torch.equal(e_mid, torch.full((3,), 0.0625 / 2))

# 区间外被截断，误差不再受 scale/2 约束
out = torch.tensor([200 * s])
e_out = (out - torch.fake_quantize_per_tensor_affine(out, s, 0, -128, 127)).abs().item()
print(f"区间外的误差 / scale = {e_out / s:.1f}")
# > 区间外的误差 / scale = 73.0

# ---- 非对称量化，对照 torch.quantize_per_tensor(quint8, zero_point=z) ----
a = torch.relu(torch.randn(100_000)) * 3  # 单侧分布（像 ReLU 之后的激活）
qa, sa, z = affine_quant(a)
ref_a = torch.quantize_per_tensor(a, sa, z, torch.quint8)
assert torch.equal(qa.to(torch.uint8), ref_a.int_repr())
deq_a = (qa - z) * sa
assert torch.equal(deq_a, ref_a.dequantize())
assert torch.equal(deq_a, torch.fake_quantize_per_tensor_affine(a, sa, z, 0, 255))
err_a = (a - deq_a).abs().max().item()
assert sa / 2 * 0.998 < err_a <= sa / 2 * (1 + 1e-5)  # 同样的界，同样是紧的
# 零点保证 0 被精确表示：ReLU 输出里大量的 0 反量化后仍是 0
assert deq_a[a == 0].abs().max().item() == 0.0

# 单侧数据上：对称量化浪费了负半边，scale 是非对称的 255/127 ≈ 2 倍，最大误差也约 2 倍
_, s_sym = absmax_quant(a)
e_sym = (a - torch.fake_quantize_per_tensor_affine(a, s_sym, 0, -128, 127)).abs().max().item()
print(f"z = {z}，scale 比 = {s_sym / sa:.4f}，最大误差比 = {e_sym / err_a:.2f}")
# > z = 0，scale 比 = 2.0079，最大误差比 = 2.01
assert abs(s_sym / sa - 255 / 127) < 1e-9
assert 1.9 < e_sym / err_a < 2.1  # 最大误差也约大一倍

# 数据有正有负、不对称时，零点不为 0
b = torch.rand(1000) * 5 - 1  # 约在 [-1, 4] 上
qb, sb, zb = affine_quant(b)
assert torch.equal(
    qb.to(torch.uint8), torch.quantize_per_tensor(b, sb, zb, torch.quint8).int_repr()
)
print(f"z = {zb}")
# > z = 51

# 量化感知训练用伪量化的反向传播：区间内梯度按 1 直接穿过 round（直通估计），被截断的位置梯度为 0
v = torch.tensor([0.3, -1.2, 100 * s, 200 * s, -200 * s], requires_grad=True)
torch.fake_quantize_per_tensor_affine(v, s, 0, -128, 127).sum().backward()
print(v.grad.tolist())
# > [1.0, 1.0, 1.0, 0.0, 0.0]
