"""带温度的 softmax：T 越大分布越平（T→∞ 趋于均匀），T 越小越尖（T→0 趋于 one-hot）。"""

import numpy as np
import torch
import torch.nn.functional as F


def softmax_T(z: np.ndarray, T: float) -> np.ndarray:
    """q_i = exp(z_i / T) / Σ_j exp(z_j / T)，沿最后一维。"""
    u = z / T
    u = u - u.max(axis=-1, keepdims=True)  # 减去最大值防止溢出，结果不变
    e = np.exp(u)
    return e / e.sum(axis=-1, keepdims=True)


# 假想教师看到一张手写的“2”，给 10 个数字类别打出的 logit
z = np.array([-2.0, -3.0, 9.0, 3.0, -4.0, -1.0, -3.5, 2.0, -0.5, -2.5])

for T in (1.0, 4.0):
    q = softmax_T(z, T)
    print(f"T={T:.0f}: q2={q[2]:.4f} q3={q[3]:.4f} q7={q[7]:.4f} q4={q[4]:.1e}")
# > T=1: q2=0.9965 q3=0.0025 q7=0.0009 q4=2.3e-06
# > T=4: q2=0.5480 q3=0.1223 q7=0.0952 q4=2.1e-02

# 检查 1：错误类别之间的相对大小（“像 3 多过像 7”）在任何 T 下都保留：q3 / q7 = exp((z3 - z7) / T)
for T in (1.0, 4.0):
    q = softmax_T(z, T)
    assert np.isclose(q[3] / q[7], np.exp((z[3] - z[7]) / T))

# 检查 2：和 PyTorch 的 F.softmax(z / T) 完全一致
z_torch = torch.tensor(z)
for T in (0.5, 1.0, 4.0, 20.0):
    torch.testing.assert_close(torch.from_numpy(softmax_T(z, T)), F.softmax(z_torch / T, dim=-1))

# 检查 3：熵随 T 单调增大，且 dH/dT = Var_q(z) / T³ ≥ 0（对照 autograd）
Ts = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0]
H = np.array([-(softmax_T(z, T) * np.log(softmax_T(z, T))).sum() for T in Ts])
assert np.all(np.diff(H) > 0)
T = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
q = F.softmax(z_torch / T, dim=-1)
(dH_dT,) = torch.autograd.grad(-(q * q.log()).sum(), T)
var_q = (q * z_torch**2).sum() - (q * z_torch).sum() ** 2  # 在分布 q 下 z 的方差
torch.testing.assert_close(dH_dT, (var_q / T**3).detach())

# 检查 4：T→∞ 趋于均匀分布 1/N，T→0 趋于 argmax 处的 one-hot
N = z.size
np.testing.assert_allclose(softmax_T(z, 1e4), np.full(N, 1 / N), atol=1e-4)
np.testing.assert_allclose(softmax_T(z, 1e-2), np.eye(N)[z.argmax()], atol=1e-12)
