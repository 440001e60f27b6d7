"""显存与计算：LoRA 省掉的是梯度和优化器状态；激活没少（还略多），每步计算量也只少一部分。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
d, r, L, N = 256, 8, 4, 512  # 宽度、LoRA 的秩、层数、一批里的 token 数


class Net(nn.Module):
    """L 层 Linear + GELU；lora=True 时冻结所有 Linear，每层加一条 r 维旁路。"""

    def __init__(self, lora: bool) -> None:
        super().__init__()
        self.lins = nn.ModuleList(nn.Linear(d, d) for _ in range(L))
        self.lora = lora
        if lora:
            self.requires_grad_(False)
            self.A = nn.ParameterList(nn.Parameter(torch.randn(r, d) / r) for _ in range(L))
            self.B = nn.ParameterList(nn.Parameter(torch.zeros(d, r)) for _ in range(L))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i, lin in enumerate(self.lins):
            h = lin(x)
            if self.lora:
                h = h + x @ self.A[i].T @ self.B[i].T
            x = F.gelu(h)
        return x


def saved_activation_numel(net: Net, x: torch.Tensor) -> int:
    """用 autograd 的 saved_tensors_hooks 数出为反向传播保存的张量元素数（参数本身除外）。"""
    params = {p.data_ptr() for p in net.parameters()}
    total = 0

    def pack(t: torch.Tensor) -> torch.Tensor:
        nonlocal total
        if t.data_ptr() not in params:
            total += t.numel()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        net(x).sum().backward()
    return total


x = torch.randn(N, d)
full, lora = Net(lora=False), Net(lora=True)
act_full, act_lora = saved_activation_numel(full, x), saved_activation_numel(lora, x)
train_full = sum(p.numel() for p in full.parameters() if p.requires_grad)
train_lora = sum(p.numel() for p in lora.parameters() if p.requires_grad)
print(f"激活：全量 {act_full:,}，LoRA {act_lora:,}")
print(f"可训练参数（梯度 + Adam 两份状态各这么多）：全量 {train_full:,}，LoRA {train_lora:,}")
# > 激活：全量 1,048,576，LoRA 1,064,960
# > 可训练参数（梯度 + Adam 两份状态各这么多）：全量 263,168，LoRA 16,384

# 检查 1：全量微调每层存 Linear 的输入和 GELU 的输入，各 N·d 个数
assert act_full == L * 2 * N * d
# 检查 2：LoRA 存的激活不但没少，还多了旁路的中间结果 x A^T（每层 N·r 个数）
assert act_lora == act_full + L * N * r
# 对照：一个冻结、不挂 LoRA 的 nn.Linear 不为反向存自己的输入（算输入梯度只需要权重）
frozen = nn.Linear(d, d).requires_grad_(False)
saved = []
with torch.autograd.graph.saved_tensors_hooks(lambda t: saved.append(t) or t, lambda t: t):
    frozen(x.requires_grad_()).sum().backward()
assert all(t.data_ptr() != x.data_ptr() for t in saved)
x.requires_grad_(False)
# 检查 3：可训练参数少了 16 倍以上，激活却多了；二者不成比例
assert train_full / train_lora > 16 and act_lora > act_full


# 每步计算量：用 PyTorch 的 FlopCounterMode 数前向 + 反向的浮点运算
def step_flops(net: Net) -> int:
    with FlopCounterMode(display=False) as counter:
        net(x).sum().backward()
    return counter.get_total_flops()


f_full, f_lora = step_flops(full), step_flops(lora)
print(f"每步 FLOPs：LoRA / 全量 = {f_lora / f_full:.3f}")
# > 每步 FLOPs：LoRA / 全量 = 0.702
# 检查 4：与手算一致。全量：每层前向 2Nd²、权重梯度 2Nd²、输入梯度 2Nd²（第一层输入不需要梯度）；
# LoRA：基座只剩前向和输入梯度，旁路另有 2Nd·r 量级的几项
assert f_full == 2 * N * d * d * (3 * L - 1)
assert f_lora == 2 * N * d * d * (2 * L - 1) + 2 * N * d * r * (6 * L - 1)
# 检查 5：LoRA 每步仍要做全量微调一半以上的计算（反向仍要把梯度穿过冻结层），远不是参数比例 1/16
assert 0.5 < f_lora / f_full < 0.75
