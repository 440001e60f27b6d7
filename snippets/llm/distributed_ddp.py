"""真正的 DDP：启动两个 CPU 进程（gloo 后端），各算半个批次；反向传播时 DDP 对梯度做 all-reduce
并除以进程数，两个进程得到的梯度都等于单进程算整批的梯度，更新后两边的参数也一样。"""

import json
import os
import socket
import subprocess
import sys

import torch
from torch import nn

WORLD_SIZE, BATCH = 2, 8

# 每个进程运行的代码（真正的分布式程序就是这样一份脚本，由 torchrun 之类的启动器在每张卡上各跑一份）
WORKER = r"""
import json, sys
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP

rank, world_size = int(sys.argv[1]), int(sys.argv[2])
# 默认的 init_method="env://"：从环境变量 MASTER_ADDR、MASTER_PORT 找到 rank 0（torchrun 也这样传）
dist.init_process_group("gloo", rank=rank, world_size=world_size)
torch.manual_seed(rank)                  # 故意让两个进程的初始参数不同：
model = DDP(nn.Linear(4, 3))             # DDP 构造时把 rank 0 的参数广播给所有进程
g = torch.Generator().manual_seed(1)
x, y = torch.randn(8, 4, generator=g), torch.randn(8, 3, generator=g)
half = slice(rank * 4, rank * 4 + 4)     # 本进程只算自己的半个批次
loss = nn.functional.mse_loss(model(x[half]), y[half])
loss.backward()                          # 梯度 all-reduce（求和）后除以进程数
torch.optim.SGD(model.parameters(), lr=0.1).step()
print(json.dumps({
    "grads": [p.grad.tolist() for p in model.parameters()],
    "params": [p.tolist() for p in model.parameters()],
}))
dist.destroy_process_group()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    env = dict(os.environ, MASTER_ADDR="127.0.0.1", MASTER_PORT=str(free_port()))
    env["GLOO_SOCKET_IFNAME"] = "lo"  # 只走本机回环网卡
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(rank), str(WORLD_SIZE)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for rank in range(WORLD_SIZE)
    ]
    try:
        outputs = [w.communicate(timeout=90)[0] for w in workers]
    finally:  # 出错或超时也不留下子进程（已经退出的进程上 kill 什么也不做）
        for w in workers:
            w.kill()
            w.wait()
    assert all(w.returncode == 0 for w in workers)
    results = [json.loads(out) for out in outputs]
    print(f"{len(results)} 个进程，各算 {BATCH // WORLD_SIZE} 个样本")
    # > 2 个进程，各算 4 个样本

    # 参照：一个进程、rank 0 的初始参数、整批 8 个样本
    torch.manual_seed(0)
    model = nn.Linear(4, 3)
    g = torch.Generator().manual_seed(1)
    x, y = torch.randn(BATCH, 4, generator=g), torch.randn(BATCH, 3, generator=g)
    nn.functional.mse_loss(model(x), y).backward()
    full = [p.grad.clone() for p in model.parameters()]

    # 每个进程自己那一半的梯度（all-reduce 之前）与整批不同：平均之后才相等
    model.zero_grad()
    nn.functional.mse_loss(model(x[:4]), y[:4]).backward()
    assert not torch.allclose(model.weight.grad, full[0])

    same_grads = all(
        torch.allclose(torch.tensor(grad), expected, rtol=1e-5, atol=1e-6)
        for result in results
        for grad, expected in zip(result["grads"], full, strict=True)
    )
    print("两个进程的梯度都等于整批梯度:", same_grads)
    # > 两个进程的梯度都等于整批梯度: True
    assert same_grads

    model.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    torch.optim.SGD(model.parameters(), lr=0.1).step()
    same_params = all(
        torch.allclose(torch.tensor(param), expected.detach(), rtol=1e-5, atol=1e-6)
        for result in results
        for param, expected in zip(result["params"], model.parameters(), strict=True)
    )
    print("更新后两个进程的参数相同，且等于单进程整批训练一步:", same_params)
    # > 更新后两个进程的参数相同，且等于单进程整批训练一步: True
    assert same_params

    # 两个进程之间逐位相同（JSON 里的 Python 浮点数能精确还原 float32 的值）
    rank0, rank1 = results
    identical = all(
        torch.equal(torch.tensor(a), torch.tensor(b))
        for key in ("grads", "params")
        for a, b in zip(rank0[key], rank1[key], strict=True)
    )
    print("两个进程的梯度和参数逐位相同:", identical)
    # > 两个进程的梯度和参数逐位相同: True
    assert identical
