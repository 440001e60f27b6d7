"""把一个 fp16 正规数拆成符号、指数、尾数三段：值 = (-1)^s · 2^(E - 15) · (1 + M / 2^10)。
bf16 就是 fp32 的高 16 位：指数位相同，尾数截短。"""

import torch


def fp16_fields(x: float) -> tuple[int, int, int]:
    bits = torch.tensor(x, dtype=torch.float16).view(torch.int16).item() & 0xFFFF
    return bits >> 15, (bits >> 10) & 0x1F, bits & 0x3FF  # 1 + 5 + 10 位


decoded = {}
for x in (1.0, -6.5, 65504.0):
    s, E, M = fp16_fields(x)
    decoded[x] = (-1) ** s * 2.0 ** (E - 15) * (1 + M / 2**10)
    print(f"{x}: s={s} E={E:05b} M={M:010b} -> {decoded[x]}")
# > 1.0: s=0 E=01111 M=0000000000 -> 1.0
# > -6.5: s=1 E=10001 M=1010000000 -> -6.5
# > 65504.0: s=0 E=11110 M=1111111111 -> 65504.0

x32 = torch.tensor([1.0, -6.5, 2.0**100])  # 这些数在 bf16 里可以精确表示
bits32 = x32.view(torch.int32)
bits16 = x32.bfloat16().view(torch.int16).int() & 0xFFFF
print([hex(b) for b in bits16.tolist()])
# > ['0x3f80', '0xc0d0', '0x7180']

# 检查：按字段还原出来的值与原数相等
assert all(value == x for x, value in decoded.items())
# 检查：bf16 的位模式 = fp32 位模式的高 16 位
assert torch.equal((bits32 >> 16) & 0xFFFF, bits16)
# 检查：1.0 的 fp16 位模式是 0x3C00（指数 01111 = 15，尾数全 0）
assert torch.tensor(1.0, dtype=torch.float16).view(torch.int16).item() == 0x3C00
