"""为什么 B = 0、A 随机：第一步只有 B 有梯度，之后两者都动；A、B 都为 0 时两者的梯度永远是 0。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
d_in, d_out, r, n = 16, 12, 4, 64
W = torch.randn(d_out, d_in)  # 冻结的原权重
x, y = torch.randn(n, d_in), torch.randn(n, d_out)


def train(A: torch.Tensor, B: torch.Tensor, steps: int) -> list[tuple[float, float]]:
    """用 SGD 训练 A、B，返回每一步的 (|grad A|, |grad B|)。"""
    A, B = A.clone().requires_grad_(), B.clone().requires_grad_()
    opt = torch.optim.SGD([A, B], lr=0.1)
    norms = []
    for _ in range(steps):
        opt.zero_grad()
        loss = F.mse_loss(x @ W.T + x @ A.T @ B.T, y)
        loss.backward()
        # 对照闭式梯度：dL/dB = G (A x)^T，dL/dA = B^T G x^T，G 是输出端的梯度
        G = 2 * (x @ W.T + x @ A.T @ B.T - y).detach() / (n * d_out)
        torch.testing.assert_close(B.grad, G.T @ (x @ A.T).detach())
        torch.testing.assert_close(A.grad, (G @ B.detach()).T @ x)
        norms.append((A.grad.norm().item(), B.grad.norm().item()))
        opt.step()
    return norms


# LoRA 的做法：A 随机、B = 0
lora = train(torch.randn(r, d_in) / r, torch.zeros(d_out, r), steps=5)
print([f"{a:.3f}/{b:.3f}" for a, b in lora[:3]])
# > ['0.000/1.052', '0.124/1.035', '0.244/1.032']
assert lora[0][0] == 0 and lora[0][1] > 0  # 第一步：A 的梯度恰为 0，B 的不为 0
assert all(a > 0 and b > 0 for a, b in lora[1:])  # 之后两者都有梯度

# 反过来（A = 0、B 随机）也行：初始更新量同样为 0，只是第一步只有 A 有梯度
swapped = train(torch.zeros(r, d_in), torch.randn(d_out, r), steps=2)
assert swapped[0][0] > 0 and swapped[0][1] == 0 and swapped[1][1] > 0

# 两个都取 0：更新量 BA 一开始也是 0，但梯度永远是 0，A、B 一直不动
both_zero = train(torch.zeros(r, d_in), torch.zeros(d_out, r), steps=50)
assert all(a == 0 and b == 0 for a, b in both_zero)

# 两个都随机：梯度有了，但一开始 BA ≠ 0，模型输出已经偏离了原模型
A0, B0 = torch.randn(r, d_in), torch.randn(d_out, r)
print(f"{(x @ A0.T @ B0.T).norm().item() / (x @ W.T).norm().item():.2f}")
# > 1.55
assert not torch.allclose(x @ W.T + x @ A0.T @ B0.T, x @ W.T)

# 满秩 r = d_in 时 BA 能表示任何矩阵，但优化并不等价于全量微调：从 B = 0 走一步 SGD，
# 等效权重的变化是 -lr · (dL/dW) · AᵀA（被 AᵀA 扭过的方向），而全量微调走的是 -lr · dL/dW
A_full = torch.randn(d_in, d_in) / d_in**0.5
B_full = torch.zeros(d_out, d_in, requires_grad=True)
F.mse_loss(x @ W.T + x @ A_full.T @ B_full.T, y).backward()
W_req = W.clone().requires_grad_()
F.mse_loss(x @ W_req.T, y).backward()  # 全量微调在同一点的梯度 dL/dW
step_lora = -0.1 * B_full.grad @ A_full  # lr = 0.1 的一步后 BA 的变化
torch.testing.assert_close(step_lora, -0.1 * W_req.grad @ A_full.T @ A_full)
cos = F.cosine_similarity(step_lora.flatten(), -W_req.grad.flatten(), dim=0).item()
print(f"与全量微调一步方向的余弦相似度 {cos:.2f}")
# > 与全量微调一步方向的余弦相似度 0.66
assert cos < 0.95
