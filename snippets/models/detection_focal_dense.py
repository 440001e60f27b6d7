"""密集检测里的类别不平衡：10 万个锚框里只有 20 个正样本。
交叉熵的总损失大半来自大量容易的负样本，焦点损失把它们压下去；
RetinaNet 把分类层的偏置初始化为 −log((1−π)/π)，开始训练时的损失不被负样本淹没。
焦点损失对 logit 的梯度（正、负样本合在一个公式里）用 autograd 核对。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
n_pos, n_neg = 20, 99_980
y = torch.cat([torch.ones(n_pos), torch.zeros(n_neg)]).double()


def focal(
    z: torch.Tensor, y: torch.Tensor, gamma: float = 2.0, alpha: float = 0.25
) -> torch.Tensor:
    """逐个锚框的 α-平衡焦点损失：−α_t (1 − p_t)^γ log p_t。"""
    ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")  # = −log p_t
    p = torch.sigmoid(z)
    p_t = y * p + (1 - y) * (1 - p)
    alpha_t = y * alpha + (1 - y) * (1 - alpha)
    return alpha_t * (1 - p_t) ** gamma * ce


# 1) 初始化：分类层偏置为 0（p = 0.5）与按先验 π = 0.01 初始化
#    损失按正样本数归一化（RetinaNet 的做法）
pi = 0.01
b = -math.log((1 - pi) / pi)
for name, z0 in (("偏置 0", 0.0), ("先验 π=0.01", b)):
    z = torch.full_like(y, z0)
    ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
    ce_norm, fl_norm = ce.sum().item() / n_pos, focal(z, y).sum().item() / n_pos
    print(f"{name}：交叉熵 {ce_norm:.1f}，焦点损失 {fl_norm:.2f}")
# > 偏置 0：交叉熵 3465.7，焦点损失 649.74
# > 先验 π=0.01：交叉熵 54.8，焦点损失 1.13

# 2) 训练中途的样子：负样本大多很容易（logit 约 −5），正样本还不太确定
z = torch.cat([torch.randn(n_pos) + 1.0, 1.5 * torch.randn(n_neg) - 5.0]).double()
p = torch.sigmoid(z)
easy_neg = (y == 0) & (p < 0.1)
ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
fl = focal(z, y)
share_ce = (ce[easy_neg].sum() / ce.sum()).item()
share_fl = (fl[easy_neg].sum() / fl.sum()).item()
n_easy = easy_neg.sum().item()
print(f"p < 0.1 的容易负样本 {n_easy} 个，占交叉熵 {share_ce:.1%}，占焦点损失 {share_fl:.1%}")
# > p < 0.1 的容易负样本 96919 个，占交叉熵 67.4%，占焦点损失 5.5%

# 检查 0：安装的 PyTorch 本体里没有焦点损失（torch.nn 与 torch.nn.functional 都没有），要自己写
assert not [n for n in dir(torch.nn) + dir(F) if "focal" in n.lower()]

# 检查 1：先验初始化让每个锚框一开始的前景概率恰好是 π
torch.testing.assert_close(torch.sigmoid(torch.tensor(b, dtype=torch.float64)).item(), pi)
# 上面印出的四个数与闭式一致：所有锚框同一个 p 时，
# 交叉熵 = [n_pos·(−log p) + n_neg·(−log(1 − p))] / n_pos，
# 焦点损失 = [n_pos·α(1 − p)^γ(−log p) + n_neg·(1 − α)p^γ(−log(1 − p))] / n_pos
for p0 in (0.5, pi):
    z = torch.full_like(y, math.log(p0 / (1 - p0)))
    ce_closed = (n_pos * -math.log(p0) + n_neg * -math.log(1 - p0)) / n_pos
    fl_closed = (
        n_pos * 0.25 * (1 - p0) ** 2 * -math.log(p0) + n_neg * 0.75 * p0**2 * -math.log(1 - p0)
    ) / n_pos
    ce_sum = F.binary_cross_entropy_with_logits(z, y, reduction="sum").item()
    assert math.isclose(ce_sum / n_pos, ce_closed, rel_tol=1e-9)
    assert math.isclose(focal(z, y).sum().item() / n_pos, fl_closed, rel_tol=1e-9)

# 检查 2：容易负样本占了交叉熵的大头，焦点损失里它们只剩一小部分
assert share_ce > 0.5 and share_fl < 0.1

# 检查 3：∂FL/∂z = s·α_t (1 − p_t)^γ (γ p_t log p_t + p_t − 1)，
# 正样本 s = +1，负样本 s = −1；与 autograd 一致
zg = torch.randn(200, dtype=torch.float64, requires_grad=True)
yg = (torch.rand(200) < 0.5).double()
(g,) = torch.autograd.grad(focal(zg, yg).sum(), zg)
pg = torch.sigmoid(zg.detach())
p_t = yg * pg + (1 - yg) * (1 - pg)
alpha_t = yg * 0.25 + (1 - yg) * 0.75
s = 2 * yg - 1
torch.testing.assert_close(g, s * alpha_t * (1 - p_t) ** 2 * (2 * p_t * torch.log(p_t) + p_t - 1))
