"""q、k 各分量独立、均值 0、方差 1 时 Var(q·k) = d；不缩放时 d 越大 softmax 越饱和、梯度越小。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)

num_samples = 4000  # 每个 d 抽 4000 对 (q, k)

# 1) 模拟：点积的方差随 d 线性增长，除以 sqrt(d) 后回到 1
for d in (4, 64, 256):
    q, k = torch.randn(num_samples, d), torch.randn(num_samples, d)
    dot = (q * k).sum(dim=1)
    var_dot, var_scaled = dot.var().item(), (dot / d**0.5).var().item()
    print(f"d={d}: Var(q·k)={var_dot:.1f}, Var(q·k/√d)={var_scaled:.2f}")
    # 检查 1：Var(q·k) ≈ d，Var(q·k/√d) ≈ 1（相对误差 10% 以内）
    assert abs(var_dot / d - 1) < 0.1 and abs(var_scaled - 1) < 0.1
# > d=4: Var(q·k)=4.0, Var(q·k/√d)=1.01
# > d=64: Var(q·k)=62.7, Var(q·k/√d)=0.98
# > d=256: Var(q·k)=268.1, Var(q·k/√d)=1.05

# 2) 饱和：d = 1024，一个查询对 n = 8 个键打分，重复 300 次，比较不缩放与缩放
n, d, trials = 8, 1024, 300
q, K = torch.randn(trials, 1, d), torch.randn(trials, n, d)
scores = (q @ K.transpose(1, 2)).squeeze(1)  # (trials, n)，标准差约 sqrt(1024) = 32


def softmax_stats(s: torch.Tensor) -> tuple[float, float]:
    """返回：最大注意力权重的均值、softmax 雅可比矩阵 diag(p) - p p^T 的 Frobenius 范数均值。"""
    p = F.softmax(s, dim=1)
    J = torch.diag_embed(p) - p[:, :, None] * p[:, None, :]
    return p.max(dim=1).values.mean().item(), J.norm(dim=(1, 2)).mean().item()


max_raw, grad_raw = softmax_stats(scores)
max_scaled, grad_scaled = softmax_stats(scores / d**0.5)
print(f"不缩放：最大权重 {max_raw:.3f}，雅可比范数 {grad_raw:.4f}")
print(f"缩放后：最大权重 {max_scaled:.3f}，雅可比范数 {grad_scaled:.4f}")
# > 不缩放：最大权重 0.982，雅可比范数 0.0245
# > 缩放后：最大权重 0.367，雅可比范数 0.3653

# 检查 2：不缩放时 softmax 接近独热向量（最大权重平均超过 0.95），雅可比范数小一个数量级
assert max_raw > 0.95 and max_scaled < 0.6
assert grad_raw < grad_scaled / 10
# 检查 3：除以 d（而不是 √d）矫枉过正：分数方差只剩 1/d，注意力几乎均匀（1/8 = 0.125）
max_over, _ = softmax_stats(scores / d)
print(f"除以 d：最大权重 {max_over:.3f}")
# > 除以 d：最大权重 0.131
assert max_over < 0.14
# 检查 4：上面手写的雅可比矩阵与 autograd 算出的一致（取第一组分数）
s0 = scores[0] / d**0.5
p0 = F.softmax(s0, dim=0)
J_auto = torch.autograd.functional.jacobian(lambda s: F.softmax(s, dim=0), s0)
torch.testing.assert_close(J_auto, torch.diag(p0) - torch.outer(p0, p0))
