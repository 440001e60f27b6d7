"""增强必须保持标签不变。判断“上升还是下降”的任务里，水平翻转恰好把上升变成下降：
用翻转做增强、标签却不跟着改，等于造出一半标错的数据，模型学不到任何东西。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
L = 16


def sample(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """类别 0：上升的斜坡；类别 1：下降的斜坡；再加噪声。"""
    y = torch.randint(0, 2, (n,))
    slope = 1.0 - 2.0 * y  # 类别 0 → +1，类别 1 → −1
    return slope[:, None] * torch.linspace(-1, 1, L) + 0.5 * torch.randn(n, L), y


X, y = sample(200)
X_val, y_val = sample(1000)


def fit(flip_aug: bool) -> float:
    torch.manual_seed(1)  # 两个模型用同一个初始化
    model = nn.Linear(L, 2)
    opt = torch.optim.Adam(model.parameters(), lr=5e-2)
    for _ in range(100):
        X_b = X
        if flip_aug:  # 每个样本以 1/2 的概率左右翻转，标签不变（错误的做法）
            flip = torch.rand(len(X)) < 0.5
            X_b = torch.where(flip[:, None], torch.flip(X, dims=[1]), X)
        opt.zero_grad()
        F.cross_entropy(model(X_b), y).backward()
        opt.step()
    with torch.no_grad():
        return (model(X_val).argmax(dim=1) == y_val).double().mean().item()


acc_plain, acc_flip = fit(False), fit(True)
print(f"验证准确率：不增强 {acc_plain:.3f}，错误地用翻转增强 {acc_flip:.3f}")
# > 验证准确率：不增强 1.000，错误地用翻转增强 0.448

# 检查 1：翻转一个上升的斜坡，得到的正是下降的斜坡（不含噪声时完全相同）
ramp = torch.linspace(-1, 1, L)
torch.testing.assert_close(torch.flip(ramp, dims=[0]), -ramp)
# 检查 2：不增强时几乎全对；加了改变标签的“增强”后，准确率跌到接近瞎猜
assert acc_plain > 0.95
assert acc_flip < 0.75
