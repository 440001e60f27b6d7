"""可复现：同一个种子，初始化、数据打乱顺序、训练结果逐位相同；换一个种子就不同。"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

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
