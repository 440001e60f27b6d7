"""鞍点 f(x, y) = x² - y²：海森矩阵的特征值一正一负。梯度下降从 x 轴出发会停在鞍点，
y 方向上一点微小的扰动就能让它逃离。"""

import torch


def f(p: torch.Tensor) -> torch.Tensor:
    return p[0] ** 2 - p[1] ** 2


def gradient_descent(start: list[float], lr: float = 0.1, steps: int = 100) -> torch.Tensor:
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    for _ in range(steps):
        (grad,) = torch.autograd.grad(f(p), p)
        with torch.no_grad():
            p -= lr * grad  # p ← p - lr · ∇f(p)
    return p.detach()


origin = torch.zeros(2, dtype=torch.float64)
H = torch.autograd.functional.hessian(f, origin)
eigvals = torch.linalg.eigvalsh(H)
print(eigvals.tolist())
# > [-2.0, 2.0]

stuck = gradient_descent([1.0, 0.0])  # 正好在 x 轴上：y 方向的梯度永远是 0
escaped = gradient_descent([1.0, 1e-6])  # y 方向加 1e-6 的扰动
print(f"停住：({stuck[0]:.1e}, {stuck[1]:.1e})，f = {f(stuck).item():.1e}")
# > 停住：(2.0e-10, 0.0e+00)，f = 4.1e-20
print(f"逃离：({escaped[0]:.1e}, {escaped[1]:.1f})，f = {f(escaped).item():.1f}")
# > 逃离：(2.0e-10, 82.8)，f = -6858.8

# 检查：原点梯度为 0，海森矩阵的特征值为 -2 和 2，一负一正：鞍点，不是极小值
p0 = origin.clone().requires_grad_()
(grad0,) = torch.autograd.grad(f(p0), p0)
assert torch.equal(grad0, torch.zeros(2, dtype=torch.float64))
torch.testing.assert_close(eigvals, torch.tensor([-2.0, 2.0], dtype=torch.float64))
# 检查：从 x 轴出发，梯度下降收敛到鞍点（x 每步乘 1 - 2·lr = 0.8），y 始终为 0
torch.testing.assert_close(stuck[0].item(), 0.8**100)
assert stuck[1].item() == 0.0
# 检查：y 方向每步乘 (1 + 2·lr) = 1.2，100 步后 y = 1e-6 · 1.2^100，f 远小于 0
torch.testing.assert_close(escaped[1].item(), 1e-6 * 1.2**100)
assert f(escaped).item() < -1000
