"""学习率、权重衰减要在对数尺度上采样：每个数量级得到同样多的试验；直接均匀采样几乎全落在最大的数量级。"""

import math

import numpy as np
import torch
from torch.distributions import ExpTransform, TransformedDistribution, Uniform

rng = np.random.default_rng(0)
a, b, n = 1e-5, 1e-1, 10_000  # 搜索范围 [1e-5, 1e-1]，跨 4 个数量级

lr_log = 10 ** rng.uniform(math.log10(a), math.log10(b), size=n)  # 对数均匀
lr_lin = rng.uniform(a, b, size=n)  # 直接均匀

decades = [(10.0**k, 10.0 ** (k + 1)) for k in range(-5, -1)]
frac_log = [np.mean((lr_log >= lo) & (lr_log < hi)) for lo, hi in decades]
frac_lin = [np.mean((lr_lin >= lo) & (lr_lin < hi)) for lo, hi in decades]
print("各数量级所占比例（1e-5、1e-4、1e-3、1e-2 开头）")
print("对数均匀：", " ".join(f"{f:.4f}" for f in frac_log))
print("直接均匀：", " ".join(f"{f:.4f}" for f in frac_lin))
# > 各数量级所占比例（1e-5、1e-4、1e-3、1e-2 开头）
# > 对数均匀： 0.2524 0.2466 0.2505 0.2505
# > 直接均匀： 0.0010 0.0095 0.0896 0.8999

# 检查 1：对数均匀时每个数量级约占 1/4；直接均匀时约 90% 落在 [1e-2, 1e-1]
assert all(abs(f - 0.25) < 0.02 for f in frac_log)
# [1e-5, 1e-4) 只占区间长度的 9e-5 / 0.09999 ≈ 0.09%
assert abs(frac_lin[-1] - 0.09 / 0.09999) < 0.01 and abs(frac_lin[0] - 9e-5 / 0.09999) < 0.001
# 检查 2：经验分布函数与 PyTorch 的“对 Uniform(ln a, ln b) 取 exp”分布一致：
# P(lr ≤ x) = (ln x - ln a) / (ln b - ln a)
dist = TransformedDistribution(Uniform(math.log(a), math.log(b)), ExpTransform())
xs = torch.tensor([3e-5, 1e-4, 1e-3, 5e-3, 3e-2])
cdf_torch = dist.cdf(xs).numpy()
cdf_formula = (np.log(xs.numpy()) - math.log(a)) / (math.log(b) - math.log(a))
cdf_empirical = np.array([np.mean(lr_log <= x) for x in xs.numpy()])
np.testing.assert_allclose(cdf_torch, cdf_formula, rtol=1e-5)
np.testing.assert_allclose(cdf_empirical, cdf_torch, atol=0.02)
