"""三种浮点格式的位数、机器精度、最大值、最小正规数和最小次正规数：
由 1 位符号、e 位指数、m 位尾数按公式算出，与 torch.finfo 逐一核对。
有效十进制位数约为 (m + 1)·log10(2)（尾数加上隐含的 1 位）。"""

import math

import torch

# 名字 -> (dtype, 指数位数 e, 尾数位数 m)
formats = {
    "fp32": (torch.float32, 8, 23),
    "fp16": (torch.float16, 5, 10),
    "bf16": (torch.bfloat16, 8, 7),
}

computed = {}
for name, (_, e, m) in formats.items():
    bias = 2 ** (e - 1) - 1  # 指数偏置：fp32、bf16 是 127，fp16 是 15
    eps = 2.0**-m  # 1 与下一个可表示数的间距
    max_ = (2 - 2.0**-m) * 2.0**bias  # 指数取最大、尾数全 1
    tiny = 2.0 ** (2 - 2 ** (e - 1))  # 最小正规数 = 2^(1 - bias)
    subnormal = tiny * 2.0**-m  # 最小次正规数：指数全 0，尾数只有最低位是 1
    digits = (m + 1) * math.log10(2)
    computed[name] = (eps, max_, tiny, subnormal, digits)
    print(f"{name}: eps={eps:.2e} max={max_:.4e} tiny={tiny:.2e} sub={subnormal:.2e} {digits:.1f}")
# > fp32: eps=1.19e-07 max=3.4028e+38 tiny=1.18e-38 sub=1.40e-45 7.2
# > fp16: eps=9.77e-04 max=6.5504e+04 tiny=6.10e-05 sub=5.96e-08 3.3
# > bf16: eps=7.81e-03 max=3.3895e+38 tiny=1.18e-38 sub=9.18e-41 2.4

for name, (dtype, e, m) in formats.items():
    eps, max_, tiny, subnormal, _ = computed[name]
    fi = torch.finfo(dtype)
    # 检查：总位数 1 + e + m；eps、max、tiny 与 torch.finfo 完全相等
    assert fi.bits == 1 + e + m
    assert fi.eps == eps and fi.max == max_ and fi.tiny == fi.smallest_normal == tiny
    # 检查：最小次正规数能精确表示，它的一半（舍入到偶数）变成 0
    assert torch.tensor(subnormal, dtype=dtype).item() == subnormal
    assert torch.tensor(subnormal / 2, dtype=dtype).item() == 0.0
    # 检查：1 + eps 可以表示，1 + eps/2 舍入回 1
    one = torch.tensor(1.0, dtype=dtype)
    assert (one + eps).item() == 1 + eps and (one + eps / 2).item() == 1.0
# 检查：有效十进制位数约为 7、3、2
assert [round(c[-1]) for c in computed.values()] == [7, 3, 2]
