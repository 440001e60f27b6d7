"""梯度检查：用中心差分逐个参数数值求导，作为独立参照检验反向传播的梯度。
float64 下相对误差极小；同样的做法在 float32 下误差大得多；一个手推错误立刻暴露。"""

import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, D, H, K = 4, 3, 5, 2
X = torch.randn(N, D, dtype=torch.float64)
y = torch.randint(0, K, (N,))
params = [
    torch.randn(D, H, dtype=torch.float64, requires_grad=True),  # W1
    torch.randn(H, dtype=torch.float64, requires_grad=True),  # b1
    torch.randn(H, K, dtype=torch.float64, requires_grad=True),  # W2
    torch.randn(K, dtype=torch.float64, requires_grad=True),  # b2
]
forward_calls = 0


def loss_fn(W1: torch.Tensor, b1: torch.Tensor, W2: torch.Tensor, b2: torch.Tensor) -> torch.Tensor:
    global forward_calls
    forward_calls += 1
    return F.cross_entropy(torch.tanh(X.to(W1.dtype) @ W1 + b1) @ W2 + b2, y)


def numerical_grad(params: list[torch.Tensor], eps: float) -> list[torch.Tensor]:
    """中心差分：∂L/∂θ_i ≈ [L(θ + ε e_i) − L(θ − ε e_i)] / (2ε)，每个参数两次前向。"""
    grads = []
    with torch.no_grad():
        for p in params:
            g = torch.zeros_like(p)
            flat, g_flat = p.view(-1), g.view(-1)
            for i in range(flat.numel()):
                old = flat[i].item()
                flat[i] = old + eps
                plus = loss_fn(*params)
                flat[i] = old - eps
                minus = loss_fn(*params)
                flat[i] = old  # 还原
                g_flat[i] = (plus - minus) / (2 * eps)
            grads.append(g)
    return grads


def rel_error(a: list[torch.Tensor], b: list[torch.Tensor]) -> float:
    """相对误差 ‖a − b‖ / (‖a‖ + ‖b‖)，把所有参数拼成一个向量来算。"""
    a, b = torch.cat([t.flatten() for t in a]), torch.cat([t.flatten() for t in b])
    return ((a - b).norm() / (a.norm() + b.norm())).item()


# 反向传播：一次前向 + 一次反向，拿到全部参数的梯度
analytic = torch.autograd.grad(loss_fn(*params), params)

# 数值梯度：每个参数两次前向
num_params = sum(p.numel() for p in params)
forward_calls = 0
numeric = numerical_grad(params, eps=1e-6)
print(num_params, forward_calls)
# > 32 64
err64 = rel_error(analytic, numeric)

# 同样的检查在 float32 下做：舍入误差约为（机器精度 / ε），结果差很多
params32 = [p.detach().float() for p in params]
err32 = rel_error(analytic, numerical_grad(params32, eps=1e-3))

# 前向差分 [L(θ + ε) − L(θ)]/ε 的误差是 O(ε)，中心差分是 O(ε²)：看第一个参数
with torch.no_grad():
    W1_flat, h = params[0].view(-1), 1e-4
    old = W1_flat[0].item()
    base = loss_fn(*params)
    W1_flat[0] = old + h
    plus = loss_fn(*params)
    W1_flat[0] = old - h
    minus = loss_fn(*params)
    W1_flat[0] = old  # 还原
err_forward = abs((plus - base) / h - analytic[0].view(-1)[0]).item()
err_central = abs((plus - minus) / (2 * h) - analytic[0].view(-1)[0]).item()

# 一个典型的手推错误：交叉熵取了平均，却忘了把梯度除以 N（这里只错 b2 一项）
buggy = list(analytic)
buggy[3] = analytic[3] * N
err_bug = rel_error(buggy, numeric)
print(f"{err_bug:.2f}")
# > 0.46

# 检查：float64 下反向传播与数值梯度几乎完全一致，float32 差得多，手推错误被发现
# （float64 约 1e-10 量级，float32 约 1e-4 量级，相差十万倍以上）
assert 1e-11 < err64 < 1e-9
assert 5e-5 < err32 < 5e-4 and err32 > 1e5 * err64
assert err_bug > 1e-2
assert err_central < err_forward / 100
# 检查：PyTorch 自带的 gradcheck 做的是同一件事：float64 下通过
assert torch.autograd.gradcheck(loss_fn, params)
# 检查：同样正确的梯度，在 float32 下 gradcheck 会误报失败（它也会警告输入不是 float64）
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    params32 = [p.requires_grad_() for p in params32]
    assert not torch.autograd.gradcheck(loss_fn, params32, raise_exception=False)
assert any("is not a double precision" in str(w.message) for w in caught)
