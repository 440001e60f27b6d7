"""反向传播为什么高效：一次反向就得到全部参数的梯度，矩阵乘法的计算量约为前向的 2 倍；
逐个参数做数值差分却要 2P 次前向（P 是参数个数）。"""

import itertools

import torch
import torch.nn.functional as F

torch.manual_seed(0)
sizes = [20, 64, 64, 10]  # 三层全连接网络：20 → 64 → 64 → 10
Ws = [torch.randn(m, n, dtype=torch.float64) / m**0.5 for m, n in itertools.pairwise(sizes)]
X, y = torch.randn(32, 20, dtype=torch.float64), torch.randint(0, 10, (32,))
P = sum(W.numel() for W in Ws)  # 参数个数（为简洁省略偏置）
flops = {"forward": 0, "backward": 0}


def matmul(A: torch.Tensor, B: torch.Tensor, phase: str) -> torch.Tensor:
    """(m, k) @ (k, n) 需要 m·n·k 次乘法和加法，记作 2mnk 次浮点运算。"""
    flops[phase] += 2 * A.shape[0] * A.shape[1] * B.shape[1]
    return A @ B


# 前向：缓存每层的输入 A 和预激活 Z
As, Zs, A = [], [], X
for i, W in enumerate(Ws):
    As.append(A)
    Zs.append(matmul(A, W, "forward"))
    A = F.relu(Zs[-1]) if i < len(Ws) - 1 else Zs[-1]
probs = F.softmax(A, dim=1)

# 反向：每层两次矩阵乘法——dW = Aᵀ G 和 dA = G Wᵀ，与前向那次一样大；第一层不需要 dX
G = (probs - F.one_hot(y, 10)) / len(X)
dWs = [None] * len(Ws)
for i in reversed(range(len(Ws))):
    dWs[i] = matmul(As[i].T, G, "backward")
    if i > 0:
        G = matmul(G, Ws[i].T, "backward") * (Zs[i - 1] > 0)  # 乘 ReLU 的导数
print(P, flops["forward"], flops["backward"])
# > 6016 385024 688128

# 数值差分：每个参数两次前向（中心差分），共 2P 次前向
numeric_flops = 2 * P * flops["forward"]
print(f"{sum(flops.values()) / flops['forward']:.2f} {numeric_flops / flops['forward']}")
# > 2.79 12032.0


def loss_fn(*Ws: torch.Tensor) -> torch.Tensor:
    A = X
    for W in Ws[:-1]:
        A = F.relu(A @ W)
    return F.cross_entropy(A @ Ws[-1], y)


# 参照：PyTorch 的反向模式，一次 backward 得到全部梯度
grads = torch.autograd.grad(loss_fn(*[W.requires_grad_() for W in Ws]), Ws)

# 检查：手写反向传播的梯度与 autograd 一致
for mine, reference in zip(dWs, grads, strict=True):
    torch.testing.assert_close(mine, reference)
# 检查：反向的计算量 = 前向的 2 倍减去第一层省掉的 dX
first_layer = 2 * X.shape[0] * sizes[0] * sizes[1]
assert flops["backward"] == 2 * flops["forward"] - first_layer
# 检查：前向 + 反向不到前向的 3 倍，远小于数值差分的 2P 倍
assert sum(flops.values()) < 3 * flops["forward"] < numeric_flops / 1000
