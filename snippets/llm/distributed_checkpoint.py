"""梯度检查点：用 torch.utils.checkpoint 包住每个块，梯度不变；为反向保存的张量少了很多，
代价是反向时把每个块的前向重算一遍。"""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
calls = 0


class Block(nn.Module):
    def __init__(self, d: int) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        global calls
        calls += 1
        return x + self.net(x)


blocks = nn.ModuleList(Block(16) for _ in range(6))
x = torch.randn(32, 16)


def run(use_checkpoint: bool) -> tuple[list[torch.Tensor], int, int]:
    """一次前向 + 反向：返回梯度、为反向保存的张量个数、块的前向调用次数。"""
    global calls
    calls, saved = 0, 0

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        nonlocal saved
        saved += 1
        return tensor

    blocks.zero_grad()
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        h = x
        for block in blocks:
            h = checkpoint(block, h, use_reentrant=False) if use_checkpoint else block(h)
        loss = h.square().mean()
    saved_in_forward = saved  # 前向结束时还留着、等反向用的张量
    loss.backward()
    return [p.grad.clone() for p in blocks.parameters()], saved_in_forward, calls


plain_grads, plain_saved, plain_calls = run(False)
ckpt_grads, ckpt_saved, ckpt_calls = run(True)
for a, b in zip(plain_grads, ckpt_grads, strict=True):
    torch.testing.assert_close(a, b)
print(f"不用检查点：前向留下 {plain_saved} 个张量，块的前向调用 {plain_calls} 次")
print(f"用检查点：  前向留下 {ckpt_saved} 个张量，块的前向调用 {ckpt_calls} 次")
# > 不用检查点：前向留下 30 个张量，块的前向调用 6 次
# > 用检查点：  前向留下 7 个张量，块的前向调用 12 次
# 用检查点时每个块只留下它的输入（6 个），再加上损失里 square 的输入
assert ckpt_saved == len(blocks) + 1 and plain_saved > 4 * ckpt_saved
assert ckpt_calls == 2 * plain_calls
