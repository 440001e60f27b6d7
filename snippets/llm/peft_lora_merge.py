"""LoRA 线性层：B = 0 时输出与原模型完全相同；只有 A、B 有梯度；训练后合并权重与旁路输出一致。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class LoRALinear(nn.Module):
    """h = W x + b + (alpha / r) · B A x，W、b 冻结，只训练 A (r×d_in) 和 B (d_out×r)。"""

    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        self.base.requires_grad_(False)  # 冻结原权重
        self.A = nn.Parameter(torch.randn(r, base.in_features) / r)  # 随机初始化
        self.B = nn.Parameter(torch.zeros(base.out_features, r))  # 零初始化
        self.scale = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + self.scale * (x @ self.A.T @ self.B.T)

    def merged(self) -> nn.Linear:
        """把 (alpha / r) · B A 加进 W，得到一个普通的、同样形状的 nn.Linear。"""
        lin = nn.Linear(self.base.in_features, self.base.out_features)
        with torch.no_grad():
            lin.weight.copy_(self.base.weight + self.scale * self.B @ self.A)
            lin.bias.copy_(self.base.bias)
        return lin


d_in, d_out, r, alpha = 64, 48, 4, 8.0
base = nn.Linear(d_in, d_out)
W0 = base.weight.detach().clone()
lora = LoRALinear(base, r, alpha)
x = torch.randn(32, d_in)

# 检查 1：B = 0 时 LoRA 层的输出与原来的 nn.Linear 逐位相同（不是近似）
assert torch.equal(lora(x), F.linear(x, W0, base.bias))

# 检查 2：可训练的只有 A 和 B，共 r·(d_in + d_out) 个参数
trainable = [n for n, p in lora.named_parameters() if p.requires_grad]
print(trainable, sum(p.numel() for p in lora.parameters() if p.requires_grad))
# > ['A', 'B'] 448
assert sum(p.numel() for p in lora.parameters() if p.requires_grad) == r * (d_in + d_out)

# 训练几步：让输出去拟合一个随机目标
y = torch.randn(32, d_out)
opt = torch.optim.Adam([p for p in lora.parameters() if p.requires_grad], lr=1e-2)
for _ in range(20):
    opt.zero_grad()
    F.mse_loss(lora(x), y).backward()
    opt.step()

# 检查 3：冻结的 W、b 没有梯度、没有变化；A、B 有梯度、已经变了
assert base.weight.grad is None and base.bias.grad is None
assert torch.equal(base.weight, W0)
assert lora.A.grad.abs().sum() > 0 and lora.B.grad.abs().sum() > 0
assert lora.B.abs().sum() > 0

# 检查 4：合并后的普通 nn.Linear 与“原层 + 旁路”输出一致，参数个数与原层相同
merged = lora.merged()
with torch.no_grad():
    torch.testing.assert_close(merged(x), lora(x), rtol=1e-5, atol=1e-5)
assert sum(p.numel() for p in merged.parameters()) == d_in * d_out + d_out

# 检查 5：更新量 (alpha / r)·BA 的秩不超过 r（这里恰好等于 r），而 W 本身是满秩的
delta = merged.weight.detach() - W0
print(torch.linalg.matrix_rank(delta).item(), torch.linalg.matrix_rank(W0).item())
# > 4 48
assert torch.linalg.matrix_rank(delta) <= r < torch.linalg.matrix_rank(W0)
