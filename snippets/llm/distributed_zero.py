"""ZeRO 的显存账：混合精度 Adam 每个参数 16 字节（2 + 2 + 12），ZeRO-1/2/3 把其中几项
切到 N 张卡上。先在一个小模型上真的分配这些张量、数字节，再用公式复算论文的例子
（7.5B 参数、64 张卡）。"""

import torch
from torch import nn

torch.manual_seed(0)

# 1. 每个参数 16 字节：fp16 参数 2 + fp16 梯度 2 + fp32 主参数、一阶矩、二阶矩各 4
model = nn.Linear(1000, 1000).half()  # 前向、反向用的 fp16 参数
model(torch.randn(8, 1000).half()).float().sum().backward()  # 得到 fp16 梯度
master = [p.detach().float().requires_grad_() for p in model.parameters()]  # fp32 主参数
for m, p in zip(master, model.parameters(), strict=True):
    m.grad = p.grad.float()
adam = torch.optim.Adam(master)
adam.step()  # 之后 Adam 的状态里有 exp_avg、exp_avg_sq（fp32）

n_params = sum(p.numel() for p in model.parameters())
states = [s[name] for s in adam.state.values() for name in ("exp_avg", "exp_avg_sq")]
nbytes = {
    "fp16 参数": sum(p.nbytes for p in model.parameters()),
    "fp16 梯度": sum(p.grad.nbytes for p in model.parameters()),
    "fp32 主参数": sum(m.nbytes for m in master),
    "Adam 两个矩": sum(s.nbytes for s in states),
}
for name, size in nbytes.items():
    print(f"{name}: {size / n_params:g} 字节/参数")
# > fp16 参数: 2 字节/参数
# > fp16 梯度: 2 字节/参数
# > fp32 主参数: 4 字节/参数
# > Adam 两个矩: 8 字节/参数
assert sum(nbytes.values()) == 16 * n_params


# 2. 每张卡的显存（只算模型状态，不算激活）：Ψ 个参数、N 张卡、优化器状态 K = 12 字节/参数
def per_gpu_gb(psi: float, n: int, stage: int, k: int = 12) -> float:
    params, grads, optim = 2 * psi, 2 * psi, k * psi
    if stage >= 1:
        optim /= n  # ZeRO-1：切分优化器状态
    if stage >= 2:
        grads /= n  # ZeRO-2：再切分梯度
    if stage >= 3:
        params /= n  # ZeRO-3：参数也切分（≈ FSDP 的 FULL_SHARD）
    return (params + grads + optim) / 1e9


psi, n = 7.5e9, 64
table = [round(per_gpu_gb(psi, n, stage), 1) for stage in range(4)]
print("7.5B 参数、64 张卡，每张卡（GB）：基线、ZeRO-1、ZeRO-2、ZeRO-3 =", table)
# > 7.5B 参数、64 张卡，每张卡（GB）：基线、ZeRO-1、ZeRO-2、ZeRO-3 = [120.0, 31.4, 16.6, 1.9]
assert table == [120.0, 31.4, 16.6, 1.9]  # ZeRO 论文图 1 的数字（Rajbhandari 等，2020）

# 3. 一个 7B 模型不切分时光模型状态就要 112 GB；推理只要 fp16 参数，约 14 GB
print(f"7B 模型：训练的模型状态 {per_gpu_gb(7e9, 1, 0):.0f} GB，fp16 参数 {2 * 7e9 / 1e9:.0f} GB")
# > 7B 模型：训练的模型状态 112 GB，fp16 参数 14 GB
bytes_per_param = sum(nbytes.values()) / n_params  # 第 1 部分真正分配出来的 16 字节
assert per_gpu_gb(7e9, 1, 0) == bytes_per_param * 7e9 / 1e9
