"""可复现：同一个种子，初始化、数据打乱顺序、训练结果逐位相同；换一个种子就不同。"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset, TensorDataset, get_worker_info

torch.manual_seed(0)
X = torch.randn(64, 4)
y = (X[:, 0] > 0).long()


def run(seed: int) -> tuple[torch.Tensor, list[int]]:
    torch.manual_seed(seed)  # 固定初始化、Dropout 等用到的全局随机数
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 2))
    loader = DataLoader(
        TensorDataset(X, y),
        batch_size=16,
        shuffle=True,
        generator=torch.Generator().manual_seed(seed),  # 打乱顺序用单独的生成器
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    first_batch = next(iter(loader))[1].tolist()  # 记下第一个小批量的标签
    for _ in range(3):
        for X_b, y_b in loader:
            optimizer.zero_grad()
            F.cross_entropy(model(X_b), y_b).backward()
            optimizer.step()
    return torch.cat([p.flatten() for p in model.parameters()]), first_batch


# 要求只用确定性的算法（GPU 上还需设置 CUBLAS_WORKSPACE_CONFIG，并关掉 cudnn.benchmark）
torch.use_deterministic_algorithms(True)
params_a, batch_a = run(seed=42)
params_b, batch_b = run(seed=42)
params_c, batch_c = run(seed=7)

# 检查 1：同一个种子，训练 3 个 epoch 后参数逐位相同，数据顺序也相同
assert torch.are_deterministic_algorithms_enabled()
assert torch.equal(params_a, params_b) and batch_a == batch_b
# 检查 2：换一个种子，初始化和打乱顺序都变了，结果也不同
assert not torch.equal(params_a, params_c) and batch_a != batch_c


# 多进程加载（num_workers > 0）：每个 worker 启动时自己用 base_seed + worker_id 给 random、torch
# 的全局随机数设种子，PyTorch 1.9 起 NumPy 全局随机数的种子也由这两个数导出
# （torch/utils/data/_utils/worker.py），base_seed 取自
# DataLoader 的 generator。所以全局随机数不需要 worker_init_fn：各 worker 不同，同一个种子又可复现。
# 剩下的陷阱是在 Dataset.__init__ 里建好的随机数生成器对象：它被原样复制进每个 worker。
class NoisyDataset(Dataset):
    def __init__(self) -> None:
        self.rng = np.random.default_rng(0)  # 陷阱：每个 worker 拿到的是同一个状态的副本

    def __len__(self) -> int:
        return 4

    def __getitem__(self, i: int) -> torch.Tensor:
        info = get_worker_info()  # 在主进程里是 None
        worker = -1 if info is None else info.id
        # 有意用 NumPy 的全局随机数：它正是 worker 会自动设种子的那一个
        draws = [torch.rand(()).item(), np.random.rand(), self.rng.random()]  # noqa: NPY002
        return torch.tensor([worker, *draws], dtype=torch.float64)


def load(seed: int) -> torch.Tensor:
    """2 个 worker、每个 batch 2 个样本：第 0 个 batch 来自 worker 0，第 1 个来自 worker 1。"""
    loader = DataLoader(
        NoisyDataset(),
        batch_size=2,
        num_workers=2,
        generator=torch.Generator().manual_seed(seed),
        # 这里显式指定 fork：Python 3.11 在 Linux 上默认就是 fork，但 3.14 起 Linux 默认改为
        # forkserver，Windows、macOS 默认用 spawn；后两种方式下 Dataset 类要能被 pickle 和导入，
        # 训练脚本的入口也要放在 if __name__ == "__main__": 下
        multiprocessing_context="fork",
    )
    return torch.cat(list(loader))  # 每行：worker 编号、torch 全局、NumPy 全局、__init__ 里的 rng


first, again, other = load(0), load(0), load(1)
assert NoisyDataset()[0][0] == -1  # 主进程里直接取样本时没有 worker 信息
# 检查 3：两个 worker 的 torch、NumPy 全局随机数各不相同，不用 worker_init_fn
w0, w1 = first[first[:, 0] == 0], first[first[:, 0] == 1]
assert len(w0) == len(w1) == 2
assert not torch.equal(w0[:, 1:3], w1[:, 1:3])
# 检查 4：同一个 generator 种子，worker 里的随机数逐位相同；换一个种子就变了
assert torch.equal(first, again) and not torch.equal(first[:, 1:3], other[:, 1:3])
# 检查 5：陷阱——__init__ 里建好的 Generator 在两个 worker 里给出同样的数，换种子也不变
assert torch.equal(w0[:, 3], w1[:, 3]) and torch.equal(first[:, 3], other[:, 3])
