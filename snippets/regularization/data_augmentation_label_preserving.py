"""增强必须保持标签不变。判断“上升还是下降”的任务里，水平翻转恰好把上升变成下降：
用翻转做增强、标签却不跟着改，等于造出一半标错的数据，模型学不到任何东西，只能瞎猜。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
L = 16
ramp = torch.linspace(-1, 1, L)


def sample(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """类别 0：上升的斜坡；类别 1：下降的斜坡；再加噪声。"""
    y = torch.randint(0, 2, (n,))
    slope = 1.0 - 2.0 * y  # 类别 0 → +1，类别 1 → −1
    return slope[:, None] * ramp + 0.5 * torch.randn(n, L), y


def fit(X: torch.Tensor, y: torch.Tensor, flip_aug: bool, seed: int) -> nn.Linear:
    torch.manual_seed(100 + seed)  # 两个模型用同一个初始化
    model = nn.Linear(L, 2)
    opt = torch.optim.Adam(model.parameters(), lr=5e-2)
    if flip_aug:  # 每个样本再加一份左右翻转的副本，标签不变（错误的做法）
        X, y = torch.cat([X, torch.flip(X, dims=[1])]), torch.cat([y, y])
    for _ in range(200):
        opt.zero_grad()
        F.cross_entropy(model(X), y).backward()
        opt.step()
    return model


accs, slope_response = [], []
for seed in range(5):  # 5 组不同的数据和初始化
    torch.manual_seed(seed)
    X, y = sample(200)
    X_val, y_val = sample(1000)
    for flip_aug in (False, True):
        model = fit(X, y, flip_aug, seed)
        with torch.no_grad():
            accs.append((model(X_val).argmax(dim=1) == y_val).double().mean().item())
            w = model.weight[1] - model.weight[0]  # 判成“下降”的 logit 差对输入的权重
            slope_response.append((w @ ramp).item())  # 对一个干净斜坡的响应
acc_plain, acc_flip = accs[0::2], accs[1::2]
print("不增强    ", [f"{a:.3f}" for a in acc_plain])
print("错误的翻转", [f"{a:.3f}" for a in acc_flip])
# > 不增强     ['1.000', '1.000', '1.000', '1.000', '1.000']
# > 错误的翻转 ['0.497', '0.533', '0.517', '0.506', '0.492']

# 检查 1：翻转一个上升的斜坡，得到的正是下降的斜坡（不含噪声时完全相同）
torch.testing.assert_close(torch.flip(ramp, dims=[0]), -ramp)
# 检查 2：每一组里，不增强时几乎全对；加了改变标签的“增强”后，准确率落在 0.5 ± 0.05（瞎猜）
assert all(a > 0.98 for a in acc_plain)
assert all(abs(a - 0.5) < 0.05 for a in acc_flip)
# 检查 3：原因：训练集对翻转对称、标签相同，学到的权重也对翻转对称，对斜坡的响应恰好抵消为 0
assert all(abs(r) > 5 for r in slope_response[0::2])
assert all(abs(r) < 1e-4 for r in slope_response[1::2])
