"""mixup（Zhang 等 2018）：x̃ = λ·x_i + (1-λ)·x_j，ỹ = λ·y_i + (1-λ)·y_j，λ ~ Beta(α, α)。
混合标签每行和为 1；对软标签的交叉熵 = 两个硬标签交叉熵按 λ 加权。CutMix 按面积比例混合标签。"""

import torch
import torch.nn.functional as F
from torch.distributions import Beta

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
B, K, alpha = 8, 3, 0.2
X = torch.rand(B, 3, 4, 4)  # 一个小批量的图像
y = torch.randint(0, K, (B,))
logits = torch.randn(B, K)  # 假设是模型对混合后图像的输出

# λ ~ Beta(α, α)：α 小时大多数 λ 靠近 0 或 1，只轻微混合
lams = Beta(alpha, alpha).sample((100_000,))
extreme = ((lams < 0.1) | (lams > 0.9)).double().mean().item()
# 参照：对 Beta 的密度做数值积分。P(λ < 0.1) 的被积函数在 0 处发散，换元 u = λ^α 后变得平滑
top = 0.1**alpha
u = (torch.arange(100_000) + 0.5) / 100_000 * top  # 中点法
x = u ** (1 / alpha)
p_low = (
    (Beta(alpha, alpha).log_prob(x).exp() * x / (alpha * u)).sum() * top / 100_000
)  # dλ = λ/(αu)·du
exact = 2 * p_low.item()  # 对称：P(λ > 0.9) = P(λ < 0.1)
print(f"λ 落在 [0, 0.1) 或 (0.9, 1] 的比例 {extreme:.3f}（数值积分 {exact:.3f}）")
# > λ 落在 [0, 0.1) 或 (0.9, 1] 的比例 0.674（数值积分 0.673）

# 这一批抽到的 λ（这次恰好在中间）
lam = Beta(alpha, alpha).sample().item()
perm = torch.randperm(B)  # 与同一批里打乱后的样本两两配对
X_mix = lam * X + (1 - lam) * X[perm]
Y = F.one_hot(y, K).double()
Y_mix = lam * Y + (1 - lam) * Y[perm]
print(f"λ = {lam:.4f}")
# > λ = 0.5071

# CutMix（Yun 等 2019）：把 x_j 的一个矩形贴到 x_i 上，λ 取“保留下来的面积比例”
X_cut = X.clone()
X_cut[:, :, 1:3, 0:3] = X[perm][:, :, 1:3, 0:3]  # 贴上 2×3 = 6 个像素
lam_cut = 1 - 6 / 16

# 检查 1：混合标签非负、每行和为 1；混合图像形状不变
torch.testing.assert_close(Y_mix.sum(dim=1), torch.ones(B))
assert (Y_mix >= 0).all() and X_mix.shape == X.shape
# 检查 2：对软标签的交叉熵（F.cross_entropy 支持概率作为目标）= λ·CE(y_i) + (1-λ)·CE(y_j)
soft = F.cross_entropy(logits, Y_mix)
mixed = lam * F.cross_entropy(logits, y) + (1 - lam) * F.cross_entropy(logits, y[perm])
torch.testing.assert_close(soft, mixed)
# 检查 3：Beta(α, α) 的均值是 1/2，方差是 1/(4(2α+1))（与 torch.distributions 给出的一致）；
# α = 0.2 时落在两端的比例与数值积分一致（10 万个样本的标准误约 0.0015）
assert abs(Beta(alpha, alpha).variance.item() - 1 / (4 * (2 * alpha + 1))) < 1e-12
assert abs(lams.mean().item() - 0.5) < 0.01
assert abs(lams.var().item() - 1 / (4 * (2 * alpha + 1))) < 0.005
assert abs(extreme - exact) < 0.005
# 检查 4：CutMix 图像里来自 x_i 的像素比例正好是 λ_cut
from_i = (X_cut == X).all(dim=1).double().mean(dim=(1, 2))
same_img = perm == torch.arange(B)  # 和自己配对的样本，整张图都“来自 x_i”
torch.testing.assert_close(from_i[~same_img], torch.full((int((~same_img).sum()),), lam_cut))
