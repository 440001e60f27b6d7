"""舍入误差：fp16 的 eps = 2^-10 ≈ 9.8e-4，所以 1 + 1e-4 == 1；
用 fp16 累加器逐个加 4000 个 0.01，和停在 32；累加器用 fp32 才接近 40。"""

import numpy as np
import torch

fp16, bf16 = torch.float16, torch.bfloat16
one16, one_bf = torch.tensor(1.0, dtype=fp16), torch.tensor(1.0, dtype=bf16)
print((one16 + 1e-4).item(), (one16 + 1e-3).item(), (one_bf + 1e-3).item())
# > 1.0 1.0009765625 1.0

# 逐个累加用 NumPy 的标量（比逐个操作张量快得多），每一步的结果都舍入到累加器的类型
x = np.full(4000, 0.01, dtype=np.float16)  # fp16 里的 0.01 实际是 0.0100021…，略大于 0.01
acc16 = np.float16(0.0)  # 累加器是 fp16
acc32 = np.float32(0.0)  # 同样的 fp16 输入，累加器用 fp32（矩阵乘法单元和归约就这样做）
for v in x:
    acc16 = np.float16(acc16 + v)
    acc32 = np.float32(acc32 + np.float32(v))
print(float(acc16), round(float(acc32), 2))
# > 32.0 40.01

# 检查：1 + 1e-4 在 fp16 中等于 1（1e-4 小于半个 eps），1 + 1e-3 变成 1 + 2^-10
assert torch.finfo(fp16).eps == 2.0**-10
assert (one16 + 1e-4).item() == 1.0 and (one16 + 1e-3).item() == 1 + 2.0**-10
# 检查：bf16 更粗（eps = 2^-7），1 + 1e-3 也等于 1
assert (one_bf + 1e-3).item() == 1.0
# 检查：fp16 累加器停在 32：那里相邻两数的间距是 2^-5 = 0.03125，加 0.01 舍入回原值
assert acc16 == 32.0
assert (torch.tensor(32.0, dtype=fp16) + torch.tensor(0.01, dtype=fp16)).item() == 32.0
# 检查：fp16 里的 0.01 略大于 0.01，所以精确的和 4000 × 0.0100021… ≈ 40.0085 略大于 40；
#       fp32 累加器的结果与 PyTorch 用 float64 求和一致（到 1e-4 相对误差）
assert float(x[0]) == 0.01000213623046875 > 0.01
exact = torch.from_numpy(x).double().sum()
torch.testing.assert_close(
    torch.tensor(float(acc32), dtype=torch.float64), exact, rtol=1e-4, atol=0
)
