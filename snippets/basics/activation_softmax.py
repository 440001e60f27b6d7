"""Softmax：减去最大值结果不变；直接 exp 会溢出；雅可比矩阵是 diag(p) - p p^T。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def softmax_naive(z: torch.Tensor) -> torch.Tensor:
    e = torch.exp(z)
    return e / e.sum()


def softmax_stable(z: torch.Tensor) -> torch.Tensor:
    e = torch.exp(z - z.max())  # 最大的指数变成 e^0 = 1，其余都在 (0, 1]
    return e / e.sum()


# 1) 平移不变：所有 logits 加同一个常数 c，softmax 不变
z = torch.randn(5, dtype=torch.float64)
shifted = [softmax_naive(z + c) for c in (-100.0, 3.0, 100.0)]

# 2) float32 的 exp 在 x > ln(3.4e38) ≈ 88.72 时溢出为 inf，inf / inf = nan
big = torch.tensor([1000.0, 1001.0, 1002.0])
print(torch.exp(torch.tensor([88.0, 89.0])).isinf().tolist())
# > [False, True]
print(softmax_naive(big))
# > tensor([nan, nan, nan])
print(softmax_stable(big))
# > tensor([0.0900, 0.2447, 0.6652])

# 3) 雅可比矩阵 J[i, j] = ∂p_i / ∂z_j = p_i (δ_ij - p_j)
p = F.softmax(z, dim=0)
J_by_hand = torch.diag(p) - torch.outer(p, p)
J_autograd = torch.autograd.functional.jacobian(lambda t: F.softmax(t, dim=0), z)

# 检查：平移不变
for p_shifted in shifted:
    torch.testing.assert_close(p_shifted, softmax_naive(z))
# 检查：float32 最大约 3.4e38，对应的溢出阈值 ln(3.4e38) ≈ 88.72
assert round(math.log(torch.finfo(torch.float32).max), 2) == 88.72
# 检查：减最大值的版本与 F.softmax 一致，也与小数值下的朴素版本一致
torch.testing.assert_close(softmax_stable(big), F.softmax(big, dim=0))
torch.testing.assert_close(softmax_stable(z), softmax_naive(z))
assert torch.isnan(softmax_naive(big)).all()
# 检查：手推的雅可比矩阵与自动求导一致
torch.testing.assert_close(J_by_hand, J_autograd)
# 检查：J 对称；每行之和为 0（平移不变的另一面：沿 (1, ..., 1) 方向导数为 0）
torch.testing.assert_close(J_autograd, J_autograd.T)
torch.testing.assert_close(J_autograd.sum(dim=1), torch.zeros(5, dtype=torch.float64))
