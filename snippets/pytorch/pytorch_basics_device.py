"""设备：有 GPU 用 GPU，没有就退回 CPU；模型和数据要在同一设备上。
module.to() 原地修改并返回模型自身；tensor.to() 返回新张量，设备和 dtype 都不变时返回原张量。"""

import torch
from torch import nn

torch.manual_seed(0)

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = nn.Linear(3, 2).to(device)  # 先把模型搬过去，再创建优化器
X = torch.randn(4, 3).to(device)  # 数据也要搬：X = X.to(device)，要赋值
out = model(X)

# 1) module.to() 原地修改：返回的就是 model 本身，Parameter 对象也不换
#    （用 dtype 转换演示，CPU 上就能跑；搬到 GPU 时道理相同）
weight_before = model.weight
returned = model.to(torch.float64)

# 2) tensor.to() 不修改原张量
t = torch.randn(3)
t_same = t.to("cpu")  # 已经在 CPU、dtype 也相同：直接返回 t
t64 = t.to(torch.float64)  # dtype 不同：返回新张量，t 不变
t_copy = t.to("cpu", copy=True)  # 要强制复制用 copy=True
t.to(torch.float64)  # 常见 bug：没有赋值，这一行什么也没改变

# 3) 模型（float64）和输入（float32）不一致时报错；设备不一致时同理
mismatch_failed = False
try:
    model(X)
except RuntimeError:
    mismatch_failed = True

# 检查：没有 GPU 时自动退回 CPU；张量默认创建在 CPU 上
assert t.device.type == "cpu"
assert device.type == "cuda" or (not torch.cuda.is_available() and device.type == "cpu")
assert out.device.type == device.type and model.weight.device.type == device.type
# 检查：module.to() 返回自身，参数对象不变，但数据已转换
assert returned is model and model.weight is weight_before
assert model.weight.dtype == torch.float64
# 检查：tensor.to() 在无需转换时返回自身，否则返回新张量
assert t_same is t
assert t64 is not t and t64.dtype == torch.float64 and t.dtype == torch.float32
assert t_copy is not t and t_copy.data_ptr() != t.data_ptr() and torch.equal(t_copy, t)
assert mismatch_failed
# 检查：输入转成与模型一致的 dtype 后正常
assert model(X.to(torch.float64)).dtype == torch.float64
