"""深度可分离卷积：参数量、乘加次数都是普通卷积的 1/C_out + 1/k²；按论文表 1 搭出 MobileNet v1。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)


def n_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters())


def macs(m: nn.Module, x: torch.Tensor) -> int:
    """PyTorch 的 FlopCounterMode 数出的乘加次数（它把一次乘加记作 2 次浮点运算）。"""
    with FlopCounterMode(display=False) as counter:
        m(x)
    return counter.get_total_flops() // 2


# ---- 一层：C_in = 256 → C_out = 256，3×3，特征图 28×28 ----
M, N, K, H = 256, 256, 3, 28
standard = nn.Conv2d(M, N, K, padding=1, bias=False)
depthwise = nn.Conv2d(M, M, K, padding=1, groups=M, bias=False)  # 每个通道只用自己的一个 3×3 核
pointwise = nn.Conv2d(M, N, 1, bias=False)  # 1×1 卷积负责混合通道
separable = nn.Sequential(depthwise, pointwise)
x = torch.randn(1, M, H, H)

p_std, p_sep = n_params(standard), n_params(separable)
m_std, m_sep = macs(standard, x), macs(separable, x)
print(f"参数: {p_std} vs {p_sep}；乘加: {m_std} vs {m_sep}；之比 {m_sep / m_std:.4f}")
# > 参数: 589824 vs 67840；乘加: 462422016 vs 53186560；之比 0.1150

# 检查 1：参数量、乘加次数与闭式一致；两者之比都是 1/N + 1/K²
assert p_std == N * M * K * K and p_sep == M * K * K + M * N
assert m_std == H * H * N * M * K * K and m_sep == H * H * (M * K * K + M * N)
assert abs(m_sep / m_std - (1 / N + 1 / K**2)) < 1e-12
assert abs(p_sep / p_std - (1 / N + 1 / K**2)) < 1e-12
# 论文说 3×3 深度可分离卷积的计算量比普通卷积少 8 到 9 倍：N 足够大时 1/(1/N + 1/9) 落在 8～9 之间
assert 8 < m_std / m_sep < 9

# 检查 2：groups=M 的卷积就是每个通道各自做一次单通道卷积
per_channel = torch.cat(
    [F.conv2d(x[:, c : c + 1], depthwise.weight[c : c + 1], padding=1) for c in range(M)], 1
)
torch.testing.assert_close(depthwise(x), per_channel)

# 检查 3：深度可分离卷积是普通卷积的特例：等价于权重 W[n, m] = pw[n, m] · dw[m] 的普通卷积
factored = pointwise.weight[:, :, 0, 0, None, None] * depthwise.weight[:, 0][None]  # (N, M, K, K)
torch.testing.assert_close(F.conv2d(x, factored, padding=1), separable(x), rtol=1e-4, atol=1e-4)


# 算术强度 = 乘加次数 / 要读写的元素个数（输入 + 输出 + 权重）。逐通道卷积每读写一个数
# 只做约 4 次乘加，普通卷积约 467 次：前者更容易卡在内存带宽上，乘加少 8 倍不等于快 8 倍
def intensity(conv: nn.Conv2d, x: torch.Tensor) -> float:
    return macs(conv, x) / (x.numel() + conv(x).numel() + conv.weight.numel())


ai = {
    name: intensity(c, x)
    for name, c in [("普通", standard), ("逐通道", depthwise), ("逐点", pointwise)]
}
print("算术强度:", {k: f"{v:.0f}" for k, v in ai.items()})
# > 算术强度: {'普通': '467', '逐通道': '4', '逐点': '110'}
assert ai["逐通道"] < 5 and 100 < ai["逐点"] < ai["普通"]


# ---- MobileNet v1（Howard 等，2017）：论文表 1，每个卷积后接批归一化和 ReLU ----
def conv_bn(c_in: int, c_out: int, k: int, stride: int, groups: int = 1) -> list[nn.Module]:
    conv = nn.Conv2d(c_in, c_out, k, stride, padding=k // 2, groups=groups, bias=False)
    return [conv, nn.BatchNorm2d(c_out), nn.ReLU()]


# (输出通道, 逐通道卷积的步幅)
CFG = [
    (64, 1),
    (128, 2),
    (128, 1),
    (256, 2),
    (256, 1),
    (512, 2),
    *[(512, 1)] * 5,
    (1024, 2),
    (1024, 1),
]
layers, c = conv_bn(3, 32, 3, 2), 32
for c_out, s in CFG:
    layers += conv_bn(c, c, 3, s, groups=c) + conv_bn(c, c_out, 1, 1)
    c = c_out
mobilenet = nn.Sequential(
    *layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1024, 1000)
).eval()

img = torch.randn(1, 3, 224, 224)
convs = [m for m in mobilenet if isinstance(m, nn.Conv2d | nn.Linear)]
weights = sum(n_params(m) for m in convs)  # 不计批归一化的 γ、β
total_macs = macs(mobilenet, img)
print(f"MobileNet v1: {weights} 个权重，{total_macs} 次乘加")
# > MobileNet v1: 4210088 个权重，568740352 次乘加


# 按层的类型分开统计，对照论文表 2
def kind(m: nn.Module) -> str:
    if isinstance(m, nn.Linear):
        return "全连接"
    return "逐通道 3×3" if m.groups > 1 else ("1×1" if m.kernel_size == (1, 1) else "普通 3×3")


share_p, share_m, x = {}, {}, img
for m in mobilenet:
    if isinstance(m, nn.Conv2d | nn.Linear):
        share_p[kind(m)] = share_p.get(kind(m), 0) + n_params(m)
        share_m[kind(m)] = share_m.get(kind(m), 0) + macs(m, x)
    x = m(x)
share_m = {k: v / total_macs * 100 for k, v in share_m.items()}
share_p = {k: v / weights * 100 for k, v in share_p.items()}
for k in ["1×1", "逐通道 3×3", "普通 3×3", "全连接"]:
    print(f"{k}: 乘加 {share_m[k]:.2f}%，参数 {share_p[k]:.2f}%")
# > 1×1: 乘加 94.86%，参数 74.57%
# > 逐通道 3×3: 乘加 3.06%，参数 1.06%
# > 普通 3×3: 乘加 1.91%，参数 0.02%
# > 全连接: 乘加 0.18%，参数 24.35%

# 检查 4：论文报告 1.0 MobileNet-224 有 4.2M 个参数、569M 次乘加
assert round(weights / 1e5) == 42 and round(total_macs / 1e6) == 569
# 检查 5：论文表 2 的参数占比（1×1 74.59%、全连接 24.33%、逐通道 1.06%、普通 3×3 0.02%）
# 与这里相差都不到 0.03 个百分点；论文说约 95% 的计算花在 1×1 卷积上
paper_params = {"1×1": 74.59, "全连接": 24.33, "逐通道 3×3": 1.06, "普通 3×3": 0.02}
assert all(abs(share_p[k] - v) < 0.03 for k, v in paper_params.items())
assert round(share_m["1×1"]) == 95
