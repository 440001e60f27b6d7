"""感知机与支持向量机（SVM）都是线性分类器 sign(wᵀx + b)。感知机找到任意一个能分开的超平面就停；
SVM 最大化间隔。这组数据的最大间隔可以直接算出是 2（超平面 x1 = 0）。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

X = torch.tensor([[2.0, 0.0], [3.0, 2.0], [3.0, -2.0], [-2.0, 0.0], [-3.0, 2.0], [-3.0, -2.0]])
s = torch.tensor([1.0, 1.0, 1.0, -1.0, -1.0, -1.0])  # 标签用 ±1
# (2, 0) 与 (−2, 0) 相距 4，任何分开它们的超平面到两者的距离之和不超过 4，所以间隔 ≤ 2；
# x1 = 0 到这两点的距离都是 2，到其余点是 3：最大间隔恰为 2


def margin(w: torch.Tensor, b: torch.Tensor) -> float:
    """几何间隔：所有点到超平面距离的最小值（分错时为负）。"""
    return ((s * (X @ w + b)) / w.norm()).min().item()


# 感知机（±1 形式：分错或落在超平面上时 w ← w + η·s·x）
w, b = torch.zeros(2), torch.zeros(())
for _ in range(10):
    for x_i, s_i in zip(X, s, strict=True):
        if s_i * (x_i @ w + b) <= 0:
            w, b = w + s_i * x_i, b + s_i

# 软间隔 SVM：min ½‖w‖² + C Σ max(0, 1 − s·(wᵀx + b))，用梯度下降求解
w_svm = torch.zeros(2, requires_grad=True)
b_svm = torch.zeros((), requires_grad=True)
opt = torch.optim.Adam([w_svm, b_svm], lr=0.01)
C = 10.0
for _ in range(300):
    opt.zero_grad()
    hinge = F.relu(1 - s * (X @ w_svm + b_svm)).sum()  # 合页损失（Hinge Loss）
    (0.5 * w_svm.pow(2).sum() + C * hinge).backward()
    opt.step()

m_perceptron, m_svm = margin(w, b), margin(w_svm.detach(), b_svm.detach())
print(f"感知机：w = {w.tolist()}，b = {b.item()}，间隔 {m_perceptron:.3f}")
# > 感知机：w = [2.0, 0.0]，b = 1.0，间隔 1.500
print(f"SVM：间隔 {m_svm:.3f}")
# > SVM：间隔 2.000

# 检查：两者都把 6 个点全部分对（间隔为正）；感知机停在间隔 1.5 的超平面，SVM 接近最大间隔 2
assert m_perceptron > 0 and m_svm > 0
assert abs(m_perceptron - 1.5) < 1e-6
assert 1.95 < m_svm <= 2.0 + 1e-6
