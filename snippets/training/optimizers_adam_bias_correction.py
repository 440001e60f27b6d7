"""Adam 的偏差修正：m、v 从 0 开始，前几步偏向 0；除以 1-β^t 后，
梯度恒定时 m̂ = g、v̂ = g² 严格成立。
不修正时 v 偏得更多（β2 更接近 1，且在根号下），步长反而偏大：第 1 步是修正后的 3.16 倍。"""

import torch

torch.set_default_dtype(torch.float64)
lr, beta1, beta2 = 1e-3, 0.9, 0.999
g = torch.tensor([1e-3, 1.0, 1e3])  # 三个坐标的梯度相差六个数量级，且每步不变

theta = torch.zeros(3, requires_grad=True)
opt = torch.optim.Adam([theta], lr=lr, betas=(beta1, beta2))
checked = []
for t in range(1, 101):
    before = theta.detach().clone()
    theta.grad = g.clone()
    opt.step()
    m, v = opt.state[theta]["exp_avg"], opt.state[theta]["exp_avg_sq"]
    checked.append((t, m.clone(), v.clone(), (theta.detach() - before).abs()))

# 不做偏差修正时的“步长 / lr”：m_t/√v_t = (1-β1^t)/√(1-β2^t)（g 恒定）
for t in [1, 10, 100, 1000]:
    print(f"t={t}: 不修正的步长是修正后的 {(1 - beta1**t) / (1 - beta2**t) ** 0.5:.2f} 倍")
# > t=1: 不修正的步长是修正后的 3.16 倍
# > t=10: 不修正的步长是修正后的 6.53 倍
# > t=100: 不修正的步长是修正后的 3.24 倍
# > t=1000: 不修正的步长是修正后的 1.26 倍

for t, m, v, step in checked:
    # 检查：PyTorch 存的一阶、二阶矩恰为 (1-β^t)·g 与 (1-β^t)·g²：偏向 0
    torch.testing.assert_close(m, (1 - beta1**t) * g)
    torch.testing.assert_close(v, (1 - beta2**t) * g**2)
    # 检查：修正后 m̂ = g、v̂ = g²，每一步每个坐标都走 lr，与梯度大小无关（ε 可忽略时）
    torch.testing.assert_close(m / (1 - beta1**t), g)
    torch.testing.assert_close(v / (1 - beta2**t), g**2)
    torch.testing.assert_close(step, torch.full((3,), lr), rtol=1e-4, atol=0)
    # 检查：不修正时 m/√v 等于上面打印的倍数
    torch.testing.assert_close(m / v.sqrt(), (1 - beta1**t) / (1 - beta2**t) ** 0.5 * g.sign())
