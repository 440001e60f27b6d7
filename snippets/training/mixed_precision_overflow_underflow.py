"""上溢与下溢：fp16 最大只到 65504，70000 变成 inf；1e-8 这样的小梯度在 fp16 里变成 0。
bf16 的指数位和 fp32 一样多，两种情况都不会发生，只是精度更低。"""

import torch

fp16, bf16 = torch.float16, torch.bfloat16


def to(x: float, dtype: torch.dtype) -> float:
    return torch.tensor(x, dtype=dtype).item()


# 上溢：超过 65504 + 半个间距（65520）就变成 inf
print(to(65504.0, fp16), to(65519.0, fp16), to(65520.0, fp16), to(70000.0, fp16))
# > 65504.0 65504.0 inf inf
print(to(70000.0, bf16))  # bf16 在 2^16 附近的间距是 2^(16-7) = 512
# > 70144.0
e12 = torch.exp(torch.tensor(12.0, dtype=fp16)).item()  # e^12 ≈ 162755 > 65504

# 下溢：小于最小次正规数的一半（2^-25 ≈ 3e-8）就变成 0
print(to(1e-8, fp16), f"{to(1e-6, fp16):.4e}", f"{to(1e-8, bf16):.4e}")
# > 0.0 1.0133e-06 1.0012e-08
product = (torch.tensor(1e-4, dtype=fp16) * torch.tensor(1e-4, dtype=fp16)).item()

# 检查：fp16 上溢
assert to(65504.0, fp16) == 65504.0 and to(65519.0, fp16) == 65504.0
assert to(65520.0, fp16) == float("inf") and to(70000.0, fp16) == float("inf")
assert e12 == float("inf")
# 检查：bf16 不上溢，70000 舍入到 137 × 512 = 70144
assert to(70000.0, bf16) == 137 * 512
# 检查：fp16 下溢为 0；1e-6 落在次正规数区间，只能表示成 2^-24 的整数倍（17 × 2^-24）
assert to(1e-8, fp16) == 0.0 and product == 0.0
assert to(1e-6, fp16) == 17 * 2.0**-24
# 检查：bf16 保留 1e-8，相对误差不超过 2^-8（半个 eps）
assert abs(to(1e-8, bf16) - 1e-8) / 1e-8 <= 2.0**-8
