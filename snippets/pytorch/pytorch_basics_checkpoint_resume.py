"""断点续训：检查点里同时存模型、优化器的 state_dict 和训练进度；恢复后接着训练，
结果与不中断的训练逐位相同。只恢复模型而丢掉优化器状态（Adam 的一、二阶矩和步数），结果就不同了。"""

import io

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
X = torch.randn(32, 3)
y = X @ torch.tensor([[1.0], [-2.0], [0.5]])


def make() -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    return model, torch.optim.Adam(model.parameters(), lr=0.05)


def train(model: nn.Module, optimizer: torch.optim.Optimizer, num_steps: int) -> None:
    for _ in range(num_steps):
        optimizer.zero_grad()
        F.mse_loss(model(X), y).backward()
        optimizer.step()


# A：一口气训练 20 步
model_a, opt_a = make()
train(model_a, opt_a, 20)

# B：训练 10 步后存检查点
model_b, opt_b = make()
train(model_b, opt_b, 10)
buffer = io.BytesIO()
torch.save({"step": 10, "model": model_b.state_dict(), "optimizer": opt_b.state_dict()}, buffer)

# C：新进程里重建模型和优化器，载入检查点，再训练 10 步
buffer.seek(0)
ckpt = torch.load(buffer, map_location="cpu", weights_only=True)  # GPU 上存的也能在 CPU 上读
state = ckpt["optimizer"]["state"][0]  # 第 0 个参数（weight）的优化器状态
print(sorted(state.keys()), int(state["step"]))
# > ['exp_avg', 'exp_avg_sq', 'step'] 10
model_c, opt_c = make()
model_c.load_state_dict(ckpt["model"])
opt_c.load_state_dict(ckpt["optimizer"])
train(model_c, opt_c, 10)

# D：只恢复模型，优化器从头开始
model_d, opt_d = make()
model_d.load_state_dict(ckpt["model"])
train(model_d, opt_d, 10)

# 检查：恢复模型 + 优化器后继续训练，与不中断的训练逐位相同
assert torch.equal(model_c.weight, model_a.weight) and torch.equal(model_c.bias, model_a.bias)
# 检查：只恢复模型时结果不同
assert not torch.equal(model_d.weight, model_a.weight)
assert ckpt["step"] == 10
