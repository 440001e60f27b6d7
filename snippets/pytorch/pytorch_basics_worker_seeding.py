"""num_workers > 0 时，每个子进程（worker）拿到数据集的一份拷贝。DataLoader 在每个 worker 里
自动给 random、torch 和 NumPy 的全局随机数设了不同的种子（PyTorch 1.9 起）；但在 Dataset.__init__
里建好的 np.random.Generator 会被原样拷进每个 worker，各个 worker 抽出一模一样的“随机”数。"""

import multiprocessing
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)


class Augment(Dataset):
    """每个样本做一次“随机增强”：这里只记下四种随机数来源各抽到什么。"""

    def __init__(self, lazy: bool) -> None:
        self.rng = None if lazy else np.random.default_rng(0)  # 陷阱：生成器建在 __init__ 里

    def __len__(self) -> int:
        return 4

    def __getitem__(self, i: int) -> list[float]:
        if self.rng is None:  # 修正：第一次取样本时才建生成器，种子取本进程的 torch 种子
            self.rng = np.random.default_rng(torch.initial_seed())
        # 第 2 项故意用 NumPy 的全局随机数（旧接口），看 DataLoader 给它设的种子
        return [self.rng.random(), np.random.random(), torch.rand(()).item(), random.random()]  # noqa: NPY002


def two_epochs(lazy: bool, num_workers: int) -> tuple[torch.Tensor, torch.Tensor]:
    """同一个 DataLoader 跑两个 epoch，每个 epoch 4 行 × 4 种来源。两个 worker 时，
    样本 0、2 来自 worker 0，样本 1、3 来自 worker 1；每个 epoch 重新从主进程拷贝数据集。"""
    # 用 fork 启动 worker（Linux 上 Python 3.13 及以前的默认方式）：数据集连同生成器的状态原样复制；
    # 没有 fork 的系统（Windows）用默认的 spawn，数据集经 pickle 传过去，生成器的状态同样原样复制
    ctx = "fork" if "fork" in multiprocessing.get_all_start_methods() and num_workers else None
    loader = DataLoader(
        Augment(lazy), batch_size=None, num_workers=num_workers, multiprocessing_context=ctx
    )
    return tuple(torch.tensor(list(loader), dtype=torch.float64) for _ in range(2))


if __name__ == "__main__":  # worker 不直接从主进程 fork 时（spawn、forkserver）必须这样写
    trap, trap_next = two_epochs(lazy=False, num_workers=2)
    fixed, fixed_next = two_epochs(lazy=True, num_workers=2)
    single, _ = two_epochs(lazy=True, num_workers=0)  # 对照：在主进程里加载，只有一个生成器
    print([round(v, 4) for v in trap[:, 0].tolist()])  # 生成器抽的数：两个 worker 一样
    # > [0.637, 0.637, 0.2698, 0.2698]
    print([round(v, 4) for v in fixed[:, 0].tolist()])
    # > [0.4549, 0.7982, 0.607, 0.7262]

    # 检查：__init__ 里建的生成器被原样拷进两个 worker，两个 worker 抽到的数完全相同；
    # 下一个 epoch 又从同一个状态开始，“随机增强”与上一个 epoch 一模一样
    assert trap[0, 0] == trap[1, 0] and trap[2, 0] == trap[3, 0]
    assert torch.equal(trap_next[:, 0], trap[:, 0])
    # 检查：DataLoader 设了种子的三种来源（NumPy 全局、torch、random）在两个 worker 之间、
    # 两个 epoch 之间都不同
    for k in (1, 2, 3):
        assert trap[0, k] != trap[1, k] and trap[2, k] != trap[3, k]
        assert not torch.equal(trap_next[:, k], trap[:, k])
    # 检查：在 worker 里按本进程的 torch 种子建生成器后，4 个样本各不相同，每个 epoch 也不同
    assert len(set(fixed[:, 0].tolist())) == 4 and not torch.equal(fixed_next[:, 0], fixed[:, 0])
    # 检查：单进程加载时只有一个生成器，4 次抽样本来就各不相同
    assert len(set(single[:, 0].tolist())) == 4
