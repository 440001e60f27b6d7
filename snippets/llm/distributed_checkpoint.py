"""梯度检查点：用 torch.utils.checkpoint 包住每个块，梯度不变；为反向保存的张量少了很多，
代价是反向时把每个块的前向重算一遍。默认（early_stop=True）重算到反向需要的张量都有了就停下，
多出的计算比一整次前向少；关掉 early_stop，多出的浮点运算恰好是一次前向。"""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint
from torch.utils.flop_counter import FlopCounterMode

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


def forward(use_checkpoint: bool, early_stop: bool = True) -> torch.Tensor:
    h = x
    for block in blocks:
        if use_checkpoint:
            h = checkpoint(block, h, use_reentrant=False, early_stop=early_stop)
        else:
            h = block(h)
    return h.square().mean()


def run(use_checkpoint: bool, early_stop: bool = True) -> tuple[list[torch.Tensor], int, int, int]:
    """一次前向 + 反向：返回梯度、为反向保存的张量个数、块的前向调用次数、浮点运算数。"""
    global calls
    calls, saved = 0, 0

    def pack(tensor: torch.Tensor) -> torch.Tensor:
        nonlocal saved
        saved += 1
        return tensor

    blocks.zero_grad()
    with FlopCounterMode(display=False) as flops:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            loss = forward(use_checkpoint, early_stop)
        saved_in_forward = saved  # 前向结束时还留着、等反向用的张量
        loss.backward()
    grads = [p.grad.clone() for p in blocks.parameters()]
    return grads, saved_in_forward, calls, flops.get_total_flops()


plain_grads, plain_saved, plain_calls, plain_flops = run(False)
ckpt_grads, ckpt_saved, ckpt_calls, ckpt_flops = run(True)
# 梯度逐位相同：重算走的是同样的运算、同样的顺序
assert all(torch.equal(a, b) for a, b in zip(plain_grads, ckpt_grads, strict=True))
print(f"不用检查点：前向留下 {plain_saved} 个张量，块的前向调用 {plain_calls} 次")
print(f"用检查点：  前向留下 {ckpt_saved} 个张量，块的前向调用 {ckpt_calls} 次")
# > 不用检查点：前向留下 30 个张量，块的前向调用 6 次
# > 用检查点：  前向留下 7 个张量，块的前向调用 12 次
# 用检查点时每个块只留下它的输入（6 个），再加上损失里 square 的输入
assert ckpt_saved == len(blocks) + 1 and plain_saved > 4 * ckpt_saved
assert ckpt_calls == 2 * plain_calls

# 计算代价：不求梯度时单独数一次前向的浮点运算
with FlopCounterMode(display=False) as counter, torch.no_grad():
    forward(False)
forward_flops = counter.get_total_flops()
# 关掉 early_stop：重算整个块，多出来的恰好是一次前向
full_grads, _, _, full_flops = run(True, early_stop=False)
assert all(torch.equal(a, b) for a, b in zip(plain_grads, full_grads, strict=True))
assert full_flops == plain_flops + forward_flops
# 默认 early_stop：每块重算到 GELU 就够了（第二个 Linear 的输入已经有了），第二个 Linear 不重算；
# 两个 Linear 的计算量相同，所以只多了半次前向
assert ckpt_flops == plain_flops + forward_flops // 2
print(f"每步浮点运算是不用检查点的：重算整个块 {full_flops / plain_flops:.3f} 倍")
print(f"                            默认 early_stop {ckpt_flops / plain_flops:.3f} 倍")
# > 每步浮点运算是不用检查点的：重算整个块 1.343 倍
# >                             默认 early_stop 1.171 倍
# 前向约占一步计算的三分之一（反向约是前向的两倍），所以多一次前向 ≈ 多三分之一
assert 1.3 < full_flops / plain_flops < 1.4
