"""设备：有 GPU 用 GPU，没有就退回 CPU；模型和数据要在同一设备上。
module.to() 原地修改并返回模型自身，默认情况下连 Parameter 对象都不换（nn.Module._apply 里
用 param.data = 转换后的张量）；tensor.to() 返回新张量，设备和 dtype 都不变时返回原张量。"""

import torch
from torch import nn

torch.manual_seed(0)

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = nn.Linear(3, 2).to(device)  # 先把模型搬过去，再创建优化器
X = torch.randn(4, 3).to(device)  # 数据也要搬：X = X.to(device)，要赋值
out = model(X)

# 1) module.to() 原地修改：返回的就是 model 本身。新旧张量“类型兼容”时（只换 dtype，或在 CPU、
#    CUDA、MPS 等普通稠密张量的设备之间搬），它只替换 Parameter 里的数据，Parameter 对象本身不换，
#    所以之前建的优化器仍然指着模型的参数。这里用 dtype 转换演示，CPU 上就能跑
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
adagrad = torch.optim.Adagrad(model.parameters())  # Adagrad 在构造时就建好了每个参数的累加器
params_before = list(model.parameters())
returned = model.to(torch.float64)

# 对照一：搬到 meta 设备（只有形状、没有数据的张量）不属于“类型兼容”，参数换成了新对象
meta_model = nn.Linear(3, 2)
meta_before = list(meta_model.parameters())
meta_model.to("meta")
# 对照二：打开 torch.__future__ 里的开关后，.to() 总是新建 Parameter；默认关着（False）
overwrite_default = torch.__future__.get_overwrite_module_params_on_conversion()
torch.__future__.set_overwrite_module_params_on_conversion(True)
new_model = nn.Linear(3, 2)
new_before = list(new_model.parameters())
new_model.to(torch.float64)
torch.__future__.set_overwrite_module_params_on_conversion(False)
# 另一个开关 swap_module_params_on_conversion 走 torch.utils.swap_tensors：交换两个对象的内容，
# 所以即使搬到 meta 设备，Parameter 对象也不换
swap_default = torch.__future__.get_swap_module_params_on_conversion()
torch.__future__.set_swap_module_params_on_conversion(True)
swap_model = nn.Linear(3, 2)
swap_before = list(swap_model.parameters())
swap_model.to("meta")
torch.__future__.set_swap_module_params_on_conversion(False)

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
# 检查：module.to() 返回自身，每个参数对象都不变（优化器里的也是同一批），但数据已转换
assert returned is model and all(
    a is b for a, b in zip(model.parameters(), params_before, strict=True)
)
assert all(
    a is b for a, b in zip(optimizer.param_groups[0]["params"], model.parameters(), strict=True)
)
assert model.weight.dtype == torch.float64
# 检查：但优化器已有的状态不跟着转换：Adagrad 的累加器还是 float32（在 GPU 上就是还留在 CPU）
assert adagrad.state[model.weight]["sum"].dtype == torch.float32
# 检查：对照：搬到 meta 设备、或打开 overwrite 开关时，参数换成了新对象；这个开关默认是 False
assert not any(a is b for a, b in zip(meta_model.parameters(), meta_before, strict=True))
assert meta_model.weight.device.type == "meta"
assert not any(a is b for a, b in zip(new_model.parameters(), new_before, strict=True))
assert overwrite_default is False
assert all(a is b for a, b in zip(swap_model.parameters(), swap_before, strict=True))
assert swap_model.weight.device.type == "meta" and swap_default is False
# 检查：tensor.to() 在无需转换时返回自身，否则返回新张量
assert t_same is t
assert t64 is not t and t64.dtype == torch.float64 and t.dtype == torch.float32
assert t_copy is not t and t_copy.data_ptr() != t.data_ptr() and torch.equal(t_copy, t)
assert mismatch_failed
# 检查：输入转成与模型一致的 dtype 后正常
assert model(X.to(torch.float64)).dtype == torch.float64
