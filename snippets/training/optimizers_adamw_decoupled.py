"""对 SGD，L2 正则与权重衰减是同一件事；对 Adam 不是：Adam 的 weight_decay 等于在损失里加 λ/2·‖θ‖²，
衰减项也被 √v̂ 除掉，梯度大的参数几乎不衰减；AdamW 把衰减与梯度解耦，每个参数按同样比例缩小。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)

X = torch.randn(16, 3)  # 与其他代码文件相同的小线性回归
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(16)
w0 = torch.randn(3)
lr, wd = 0.05, 0.1


def train(opt_class, l2_in_loss: float = 0.0, steps: int = 8, **kwargs) -> torch.Tensor:
    w = w0.clone().requires_grad_()
    opt = opt_class([w], lr=lr, **kwargs)
    for _ in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(X @ w, y) + l2_in_loss / 2 * w.pow(2).sum()  # 可选：显式 L2 项
        loss.backward()
        opt.step()
    return w.detach()


# 1) SGD：weight_decay、损失里的 L2、手写的“先缩小再走梯度” θ ← (1 - lr·λ)θ - lr·g 三者相同
w = w0.clone()
for _ in range(8):
    w = (1 - lr * wd) * w - lr * 2 / 16 * X.T @ (X @ w - y)
sgd_wd, sgd_l2 = train(torch.optim.SGD, weight_decay=wd), train(torch.optim.SGD, l2_in_loss=wd)

# 2) Adam：weight_decay 就是 L2；AdamW 不同
adam_wd, adam_l2 = train(torch.optim.Adam, weight_decay=wd), train(torch.optim.Adam, l2_in_loss=wd)
adamw = train(torch.optim.AdamW, weight_decay=wd)
# 新版 PyTorch 的 Adam 也能解耦：decoupled_weight_decay=True（默认 False）
adam_decoupled = train(torch.optim.Adam, weight_decay=wd, decoupled_weight_decay=True)


# 3) 两个参数都从 1 出发，损失梯度是噪声，尺度分别为 1 和 100；比较加衰减与不加衰减的差别
noise = torch.randn(100, 2) * torch.tensor([1.0, 100.0])


def decay_effect(opt_class, grads: torch.Tensor) -> torch.Tensor:
    ends = []
    for decay in [0.0, wd]:
        theta = torch.ones(2, requires_grad=True)
        opt = opt_class([theta], lr=0.01, weight_decay=decay)
        for g in grads:
            theta.grad = g.clone()  # 同一串梯度，只有衰减不同
            opt.step()
        ends.append(theta.detach())
    return ends[0] - ends[1]  # 衰减让参数少了多少


effect_adam = decay_effect(torch.optim.Adam, noise)
effect_adamw = decay_effect(torch.optim.AdamW, noise)
print(f"Adam + L2：{[round(v, 4) for v in effect_adam.tolist()]}")
print(f"AdamW：{[round(v, 4) for v in effect_adamw.tolist()]}")
# > Adam + L2：[0.1095, 0.0007]
# > AdamW：[0.0995, 0.0822]

# 再换 5 串噪声：大梯度参数与小梯度参数受到的衰减之比
ratios_adam, ratios_adamw = [], []
for seed in range(1, 6):
    torch.manual_seed(seed)
    grads = torch.randn(100, 2) * torch.tensor([1.0, 100.0])
    for ratios, opt_class in [(ratios_adam, torch.optim.Adam), (ratios_adamw, torch.optim.AdamW)]:
        effect = decay_effect(opt_class, grads)
        ratios.append((effect[1] / effect[0]).item())

# 检查：SGD 的三种写法一致
torch.testing.assert_close(sgd_wd, w)
torch.testing.assert_close(sgd_l2, w)
# 检查：Adam 的 weight_decay = 损失里加 L2；AdamW 与它不同
torch.testing.assert_close(adam_wd, adam_l2)
assert (adamw - adam_wd).abs().max() > 1e-3
# 检查：Adam(decoupled_weight_decay=True) 与 AdamW 逐位相同；Adam、NAdam 的这个开关默认关闭
torch.testing.assert_close(adam_decoupled, adamw, rtol=0, atol=0)
for opt_class in (torch.optim.Adam, torch.optim.NAdam):
    assert opt_class([w0.clone().requires_grad_()]).defaults["decoupled_weight_decay"] is False
# 检查：Adam + L2 下，梯度大 100 倍的参数受到的衰减只有约百分之一（衰减项也被 √v̂ ≈ 100 除）；
# AdamW 下两者相近。6 串噪声都如此
for ratio_adam, ratio_adamw in zip(
    [(effect_adam[1] / effect_adam[0]).item(), *ratios_adam],
    [(effect_adamw[1] / effect_adamw[0]).item(), *ratios_adamw],
    strict=True,
):
    assert 0.004 < ratio_adam < 0.02
    assert 0.7 < ratio_adamw < 1.3
