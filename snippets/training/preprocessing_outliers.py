"""一个异常值对三种缩放的影响：min-max 把其余数据挤进很窄的区间；z-score 受影响小一些
但也不稳健；用中位数和四分位距（IQR）缩放几乎不受影响。"""

import torch

torch.manual_seed(0)

x = torch.cat([torch.randn(999), torch.tensor([1000.0])])  # 999 个正常值 + 1 个异常值
inliers = slice(0, 999)

x_minmax = (x - x.min()) / (x.max() - x.min())
x_z = (x - x.mean()) / x.std(correction=0)
q1, median, q3 = torch.quantile(x, torch.tensor([0.25, 0.5, 0.75]))
x_robust = (x - median) / (q3 - q1)  # 稳健缩放：中位数和四分位距不受个别极端值影响

# 缩放之后，正常值之间还剩多少“分辨率”：看它们的标准差（原始数据约为 1）
spread = [v[inliers].std().item() for v in (x_minmax, x_z, x_robust)]
print([round(s, 4) for s in spread])
# > [0.001, 0.0326, 0.7798]

# 检查：min-max 后正常值挤在宽度约 0.007 的区间里，只有异常值在 1 附近
assert x_minmax[inliers].max() - x_minmax[inliers].min() < 0.01
# 检查：z-score 比 min-max 好约 30 倍，但正常值的标准差只剩约 0.03
assert spread[1] > 20 * spread[0] and spread[1] < 0.05
# 检查：按中位数和 IQR 缩放，正常值的尺度几乎不变（标准正态的 IQR 约为 1.35）
assert 0.6 < spread[2] < 0.9
