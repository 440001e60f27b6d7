"""原始 Dropout（测试时把权重乘以保留概率 1-p）与反向 Dropout（训练时除以 1-p、测试时不动）等价：
两者只差一个权重的重新参数化 W_orig = W_inv/(1-p)：训练输出和测试输出都相同，
测试输出都等于训练输出的期望。"""

import itertools

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
p, n = 0.4, 6  # 丢弃概率；上一层有 n 个单元
h = torch.randn(n)  # 上一层的输出
W_inv = torch.randn(3, n)  # 反向 Dropout 训练出的权重
b = torch.randn(3)
W_orig = W_inv / (1 - p)  # 原始 Dropout 训练出的对应权重


def train_inverted(m: torch.Tensor) -> torch.Tensor:
    return W_inv @ (m * h / (1 - p)) + b  # 训练时：保留的单元放大 1/(1-p)


def train_original(m: torch.Tensor) -> torch.Tensor:
    return W_orig @ (m * h) + b  # 训练时：只置零，不缩放


test_inverted = W_inv @ h + b  # 测试时：什么也不做
test_original = ((1 - p) * W_orig) @ h + b  # 测试时：权重乘以保留概率 1-p

# 精确期望：枚举全部 2⁶ = 64 个掩码，按概率 (1-p)^保留数 · p^丢弃数 加权
E_inv = torch.zeros(3)
E_orig = torch.zeros(3)
for bits in itertools.product([0.0, 1.0], repeat=n):
    m = torch.tensor(bits)
    prob = (1 - p) ** m.sum() * p ** (n - m.sum())
    E_inv += prob * train_inverted(m)
    E_orig += prob * train_original(m)
    # 检查 1：同一个掩码下，两种写法的训练输出完全相同
    torch.testing.assert_close(train_inverted(m), train_original(m))

# 检查 2：两种写法的测试输出相同
torch.testing.assert_close(test_inverted, test_original)
# 检查 3：对于线性层，测试输出恰好等于训练输出对掩码的期望
torch.testing.assert_close(E_inv, test_inverted)
torch.testing.assert_close(E_orig, test_original)
