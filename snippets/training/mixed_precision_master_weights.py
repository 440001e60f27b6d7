"""为什么要保留 fp32 主权重：权重 1.0、每步更新 1e-4 时，fp16 的权重一步也动不了
（1e-4 小于 1 下方间距 2^-11 的一半）；fp32 主权重 1000 步后到达 0.9。
更新量与权重之比小于 2^-12 时 fp16 权重一定不变，大于 2^-11 时一定会变，介于两者之间看尾数。"""

import torch

lr, grad, steps = 1e-4, 1.0, 1000
w16 = torch.tensor(1.0, dtype=torch.float16)  # 直接在 fp16 里更新
w32 = torch.tensor(1.0)  # fp32 主权重（master weights）
for _ in range(steps):
    w16 = w16 - lr * grad
    w32 = w32 - lr * grad
w16_copy = w32.half()  # 每步前向用的是主权重转成的 fp16 副本
print(w16.item(), round(w32.item(), 4), w16_copy.item())
# > 1.0 0.9 0.89990234375

# 检查 1：fp16 权重纹丝不动，fp32 主权重走完了 1000 × 1e-4 = 0.1
assert w16.item() == 1.0
torch.testing.assert_close(w32.item(), 1.0 - steps * lr, rtol=1e-4, atol=0)
# 检查 2：fp16 副本与主权重只差一次舍入：不超过 0.9 附近间距 2^-11 的一半
assert abs(w16_copy.item() - w32.item()) <= 2.0**-12


# 检查 3：枚举 [1/16, 16) 里全部 8192 个 fp16 正规数 w，做一次“精确结果只舍入一次”的更新 w ∓ r·w
bits = torch.arange(2**15, dtype=torch.int32).to(torch.int16)
w_all = bits.view(torch.float16).double()
w_all = w_all[(w_all >= 2.0**-4) & (w_all < 2.0**4)]


def changed(ratio: float) -> torch.Tensor:
    """每个 w 在减去、加上 ratio·w 之后，舍入回 fp16 是否变了。"""
    down = (w_all - ratio * w_all).half().double() != w_all
    up = (w_all + ratio * w_all).half().double() != w_all
    return torch.stack([down, up])


assert len(w_all) == 8192
assert not changed(0.999 * 2.0**-12).any()  # 比值小于 2^-12：一个也不变
assert changed(1.001 * 2.0**-11).all()  # 比值大于 2^-11：全都变
mixed = changed(3e-4).double().mean().item()  # 介于两者之间：一部分变、一部分不变
print(f"比值 3e-4 时，权重改变的比例 {mixed:.2f}")
# > 比值 3e-4 时，权重改变的比例 0.37
assert 0.1 < mixed < 0.9
# 例如 1 - 3e-4 在 fp16 里已经变成 1 - 2^-11（1 下方的间距只有上方的一半），1 + 3e-4 却舍入回 1
one = torch.tensor(1.0, dtype=torch.float16)
assert (one - 3e-4).item() == 1 - 2.0**-11 and (one + 3e-4).item() == 1.0
