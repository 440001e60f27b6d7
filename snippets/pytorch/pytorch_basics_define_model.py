"""定义模型：继承 nn.Module，在 __init__ 里创建子模块（赋值给 self 就自动注册），
在 forward 里写前向计算；调用 model(X)，不要直接调 model.forward(X)。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class MLP(nn.Module):
    def __init__(self, d_in: int, d_hidden: int, d_out: int) -> None:
        super().__init__()  # 必须先调用：建立注册参数和子模块用的字典
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_out)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return self.fc2(F.relu(self.fc1(X)))


class Broken(nn.Module):
    def __init__(self) -> None:
        self.fc = nn.Linear(2, 2)  # 忘了 super().__init__()


model = MLP(4, 8, 3)
X = torch.randn(5, 4)
logits = model(X)
for name, p in model.named_parameters():
    print(name, tuple(p.shape))
# > fc1.weight (8, 4)
# > fc1.bias (8,)
# > fc2.weight (3, 8)
# > fc2.bias (3,)
num_params = sum(p.numel() for p in model.parameters())
print(num_params)
# > 67

# model(X) 除了调 forward，还会运行注册的钩子（hook）；直接调 forward 会绕过钩子
calls = []
model.register_forward_hook(lambda module, inputs, output: calls.append(output.shape))
model(X)
model.forward(X)

# 同一个网络用 nn.Sequential 写：参数名变成序号
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
seq.load_state_dict(dict(zip(seq.state_dict().keys(), model.state_dict().values(), strict=True)))

# 忘了 super().__init__()：给 self 赋子模块时就报错
broken_failed = False
try:
    Broken()
except AttributeError:
    broken_failed = True

# train() / eval() 递归设置每个子模块的 training 标志
model.eval()

# 检查：前向等于手写的 ReLU(X W1^T + b1) W2^T + b2（nn.Linear 的权重形状是 (输出, 输入)）
W1, b1, W2, b2 = model.fc1.weight, model.fc1.bias, model.fc2.weight, model.fc2.bias
torch.testing.assert_close(logits, torch.clamp(X @ W1.T + b1, min=0) @ W2.T + b2)
# 检查：参数个数 = (4×8 + 8) + (8×3 + 3)
assert num_params == (4 * 8 + 8) + (8 * 3 + 3) == 67
# 检查：钩子只在 model(X) 时触发了一次
assert calls == [torch.Size([5, 3])]
# 检查：Sequential 版本载入同样的参数后输出相同
torch.testing.assert_close(seq(X), logits)
assert list(seq.state_dict().keys()) == ["0.weight", "0.bias", "2.weight", "2.bias"]
assert broken_failed
assert not model.training and not model.fc1.training
