"""把增强的随机性都交给一个 torch.Generator：同一个种子得到完全相同的增强结果，可以复现；
同一个生成器继续用下去，每个 epoch 看到的是同一张图的不同版本；也不会打乱全局随机数状态。
陷阱：生成器放在 Dataset 里时，DataLoader 的每个工作进程拿到的是它的一份拷贝，状态完全相同，
每个 epoch 重新复制一次，也还是同一个状态。"""

import pickle

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def augment(x: torch.Tensor, g: torch.Generator, pad: int = 2, sigma: float = 0.05) -> torch.Tensor:
    """随机水平翻转（概率 1/2）→ 补边后随机裁剪 → 加高斯噪声。x 的形状是 (C, H, W)。"""
    H, W = x.shape[-2:]
    if torch.rand(1, generator=g).item() < 0.5:
        x = torch.flip(x, dims=[-1])
    i, j = torch.randint(0, 2 * pad + 1, (2,), generator=g).tolist()
    x = F.pad(x, (pad, pad, pad, pad))[:, i : i + H, j : j + W]
    return x + sigma * torch.randn(x.shape, generator=g)


x = torch.rand(3, 8, 8)
state = torch.get_rng_state()  # 全局随机数状态

a = augment(x, torch.Generator().manual_seed(42))
b = augment(x, torch.Generator().manual_seed(42))  # 同一个种子
c = augment(x, torch.Generator().manual_seed(7))  # 另一个种子
g = torch.Generator().manual_seed(42)
epochs = [augment(x, g) for _ in range(3)]  # 同一个生成器连用 3 次（3 个 epoch）

# DataLoader 的工作进程拿到的是 Dataset 的拷贝（fork 复制内存，spawn 用 pickle），里面的生成器
# 状态也原样复制。用 pickle 模拟两个工作进程：
g_in_dataset = torch.Generator().manual_seed(42)
workers = [pickle.loads(pickle.dumps(g_in_dataset)) for _ in range(2)]
same = [augment(x, w) for w in workers]  # 两个进程抽到完全相同的随机数
# 主进程里的生成器从没被用过，下一个 epoch 新建的工作进程又复制到同样的状态
next_epoch = augment(x, pickle.loads(pickle.dumps(g_in_dataset)))
# 改法：在 worker_init_fn 里按每个进程自己的种子重新设（真实代码里是
# torch.utils.data.get_worker_info().seed，等于 base_seed + worker_id）
base_seed = 1234
for worker_id, w in enumerate(workers):
    w.manual_seed(base_seed + worker_id)
fixed = [augment(x, w) for w in workers]

# 检查 1：同一个种子，结果逐位相同；换一个种子就不同；形状不变
assert torch.equal(a, b) and not torch.equal(a, c) and a.shape == x.shape
# 检查 2：第一个 epoch 与种子 42 的结果相同，之后每个 epoch 的版本都不一样
assert torch.equal(epochs[0], a)
assert not torch.equal(epochs[0], epochs[1]) and not torch.equal(epochs[1], epochs[2])
# 检查 3：用独立的生成器不消耗全局随机数：全局状态原封不动
assert torch.equal(torch.get_rng_state(), state)
# 检查 4：复制出来的生成器给出逐位相同的“随机”增强；按进程重新设种子后就不同了
assert torch.equal(same[0], same[1]) and not torch.equal(fixed[0], fixed[1])
assert torch.equal(next_epoch, same[0])  # 下一个 epoch 还是同一批“随机”增强
