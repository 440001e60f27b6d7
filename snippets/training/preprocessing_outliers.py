"""一个异常值对三种缩放的影响：min-max 把其余数据挤进很窄的区间；z-score 受影响小一些
但也不稳健；用中位数和四分位距（IQR）缩放几乎不受影响。"""

import math

import torch

torch.manual_seed(0)

x = torch.cat([torch.randn(999), torch.tensor([1000.0])])  # 999 个正常值 + 1 个异常值
inliers = slice(0, 999)

x_minmax = (x - x.min()) / (x.max() - x.min())
x_z = (x - x.mean()) / x.std(correction=0)
q1, median, q3 = torch.quantile(x, torch.tensor([0.25, 0.5, 0.75]))
x_robust = (x - median) / (q3 - q1)  # 稳健缩放：中位数和四分位距不受个别极端值影响

# 对照：去掉异常值，只用 999 个正常值算统计量
clean = x[inliers]
q1_c, median_c, q3_c = torch.quantile(clean, torch.tensor([0.25, 0.5, 0.75]))
clean_z = (clean - clean.mean()) / clean.std(correction=0)
clean_robust = (clean - median_c) / (q3_c - q1_c)

# 缩放之后，正常值之间还剩多少“分辨率”：看它们的标准差（原始数据约为 1）
spread = [v[inliers].std().item() for v in (x_minmax, x_z, x_robust)]
print([round(s, 3) for s in spread])
# > [0.001, 0.033, 0.78]

# 检查：min-max 后正常值挤在宽度约 0.007 的区间里（正常值的极差约 7，除以约 1000 的极差），
# 只有异常值在 1 附近
assert 0.005 < x_minmax[inliers].max() - x_minmax[inliers].min() < 0.009
# 检查：z-score 比 min-max 好约 30 倍；正常值的标准差只剩约 0.03，与闭式估计 √N / a 相差不到 10%
# （一个大小 a = 1000 的异常值把 N = 1000 个数的标准差拉到约 a/√N ≈ 31.6）
assert 25 < spread[1] / spread[0] < 40
assert abs(spread[1] / (math.sqrt(len(x)) / 1000) - 1) < 0.1
# 检查：按中位数和 IQR 缩放，正常值的标准差约为 1/IQR；标准正态的 IQR = 2·Φ⁻¹(0.75) ≈ 1.35
iqr_normal = 2 * torch.distributions.Normal(0.0, 1.0).icdf(torch.tensor(0.75)).item()
assert abs(spread[2] * iqr_normal - 1) < 0.1
# 检查：去掉异常值重新缩放，稳健缩放的结果变化不到 1%；z-score 的结果却差了约 30 倍
assert (x_robust[inliers] - clean_robust).abs().max() < 0.01 * clean_robust.abs().max()
assert 25 < clean_z.std().item() / spread[1] < 40
