"""保存与加载：推荐保存 state_dict（参数名 → 张量的有序字典），加载进新建的同结构模型；
weights_only=True 只允许张量和基本容器，拒绝反序列化任意 Python 对象（例如整个模型）。"""

import io
import pickle

import torch
from torch import nn

torch.manual_seed(0)


def make_model(d_out: int = 2) -> nn.Module:
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, d_out))


model = make_model()
X = torch.randn(3, 4)

# 保存：这里写进内存里的 io.BytesIO，实际中换成文件路径，如 "model.pt"
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
print(list(model.state_dict().keys()))
# > ['0.weight', '0.bias', '2.weight', '2.bias']

# 加载：先按同样的代码建模型（随机初始化），再把参数灌进去
buffer.seek(0)
state = torch.load(buffer, weights_only=True)  # 新版 PyTorch 的默认值就是 True
fresh = make_model()
differs_before = not torch.equal(fresh(X), model(X))
result = fresh.load_state_dict(state)  # strict=True：键和形状都必须对上

# strict=False 只在键上放宽：形状不符照样报错；键对不上时返回缺了哪些、多了哪些键
mismatch_failed = False
try:
    make_model(d_out=3).load_state_dict(state, strict=False)
except RuntimeError:  # size mismatch for 2.weight
    mismatch_failed = True
bigger = nn.Sequential(*make_model(), nn.ReLU(), nn.Linear(2, 2))
partial = bigger.load_state_dict(state, strict=False)

# 直接保存整个模型对象：靠 pickle 记下类的导入路径，weights_only=True 拒绝加载
whole = io.BytesIO()
torch.save(model, whole)
whole.seek(0)
whole_failed = False
try:
    torch.load(whole)
except pickle.UnpicklingError:
    whole_failed = True

# 检查：加载前输出不同，加载后与原模型逐位相同
assert differs_before
assert torch.equal(fresh(X), model(X))
assert result.missing_keys == [] and result.unexpected_keys == []
# 检查：state_dict 里只有张量
assert all(isinstance(t, torch.Tensor) for t in state.values())
# 检查：形状不符时即使 strict=False 也报错；键不全时 strict=False 报告缺了哪些键
assert mismatch_failed
assert partial.missing_keys == ["4.weight", "4.bias"] and partial.unexpected_keys == []
# 检查：整个模型的 pickle 被 weights_only 拒绝
assert whole_failed
