"""完整的训练循环：划分数据、用训练集统计量标准化、DataLoader、train/eval、记录曲线、保存并恢复最好的参数。"""

import copy
import math

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：打印的数字不随线程数等浮点细节变化


# 1) 数据：两个交错的半月（二分类，边界是非线性的），第二个特征故意放大 50 倍
def make_moons(n: int, noise: float = 0.2) -> tuple[torch.Tensor, torch.Tensor]:
    y = torch.randint(0, 2, (n,))
    t = torch.rand(n) * math.pi
    x1 = torch.where(y == 0, torch.cos(t), 1 - torch.cos(t))
    x2 = torch.where(y == 0, torch.sin(t), 0.5 - torch.sin(t))
    X = torch.stack([x1, 50 * x2], dim=1) + noise * torch.randn(n, 2) * torch.tensor([1.0, 50.0])
    return X, y


X, y = make_moons(600)
# 2) 划分：训练 400 / 验证 100 / 测试 100（先打乱再切）
perm = torch.randperm(len(X))
idx_train, idx_val, idx_test = perm[:400], perm[400:500], perm[500:]
# 3) 预处理：均值和标准差只用训练集算，再套用到验证集和测试集
mean, std = X[idx_train].mean(dim=0), X[idx_train].std(dim=0)
X = (X - mean) / std
X_train, y_train = X[idx_train], y[idx_train]
X_val, y_val = X[idx_val], y[idx_val]
X_test, y_test = X[idx_test], y[idx_test]

train_loader = DataLoader(
    TensorDataset(X_train, y_train),
    batch_size=32,
    shuffle=True,  # 每个 epoch 重新打乱
    generator=torch.Generator().manual_seed(0),  # 打乱顺序也固定下来
)


# 4) 模型
class MLP(nn.Module):
    def __init__(self, d_in: int, d_hidden: int, n_classes: int) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, d_hidden),
            nn.ReLU(),
            nn.Linear(d_hidden, d_hidden),
            nn.ReLU(),
            nn.Linear(d_hidden, n_classes),  # 输出 logits，不加 softmax
        )

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return self.net(X)


model = MLP(2, 32, 2)
# 5) 损失与优化器
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


@torch.no_grad()  # 评估不需要计算图
def evaluate(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    model.eval()  # Dropout/BN 切到推理行为（本模型没有，但要养成习惯）
    logits = model(X)
    return loss_fn(logits, y).item(), (logits.argmax(dim=1) == y).double().mean().item()


# 6) 训练：每个 epoch 记录训练损失、验证损失，保存验证损失最低时的参数
init_loss = evaluate(model, X_train, y_train)[0]  # 训练前的损失，用来核对训练确实有效
print(f"训练前：训练损失 {init_loss:.3f}（ln 2 = {math.log(2):.3f}）")
# > 训练前：训练损失 0.703（ln 2 = 0.693）
num_epochs = 30
history = {"train_loss": [], "val_loss": [], "val_acc": []}
best_val, best_epoch, best_state = float("inf"), -1, None
for epoch in range(num_epochs):
    model.train()
    total, n = 0.0, 0
    for X_b, y_b in train_loader:
        optimizer.zero_grad()  # 清掉上一步的梯度（否则会累加）
        loss = loss_fn(model(X_b), y_b)
        loss.backward()  # 反向传播求梯度
        optimizer.step()  # 按梯度更新参数
        total += loss.item() * len(y_b)  # 按样本数加权，最后一个小批量可能不满
        n += len(y_b)
    val_loss, val_acc = evaluate(model, X_val, y_val)
    history["train_loss"].append(total / n)
    history["val_loss"].append(val_loss)
    history["val_acc"].append(val_acc)
    if val_loss < best_val:
        best_val, best_epoch = val_loss, epoch
        best_state = copy.deepcopy(model.state_dict())  # 必须深拷贝，见检查 4
    if epoch % 10 == 0 or epoch == num_epochs - 1:
        print(f"epoch {epoch:2d}  train {total / n:.3f}  val {val_loss:.3f}  acc {val_acc:.2f}")
        # > epoch  0  train 0.425  val 0.196  acc 0.91
        # > epoch 10  train 0.051  val 0.115  acc 0.97
        # > epoch 20  train 0.041  val 0.106  acc 0.98
        # > epoch 29  train 0.044  val 0.120  acc 0.98

print(f"最好的 epoch：{best_epoch}，验证损失 {best_val:.3f}")
# > 最好的 epoch：4，验证损失 0.076

# 7) 恢复最好的参数，最后在测试集上只评估一次
model.load_state_dict(best_state)
test_loss, test_acc = evaluate(model, X_test, y_test)
print(f"测试准确率 {test_acc:.2f}")
# > 测试准确率 0.95

# 检查 1：训练前损失接近 ln 2（二分类瞎猜），训练后降到它的十分之一以下
assert abs(init_loss - math.log(2)) < 0.1
assert history["train_loss"][-1] < 0.1 * init_loss
# 检查 2：验证集和测试集准确率都高于 0.9
assert max(history["val_acc"]) > 0.9 and test_acc > 0.9
# 检查 3：恢复后的模型正好是验证损失最低的那个
torch.testing.assert_close(evaluate(model, X_val, y_val)[0], min(history["val_loss"]))
assert best_epoch == min(range(num_epochs), key=history["val_loss"].__getitem__)
# 检查 4：state_dict() 返回的是参数本身的引用，不深拷贝就会跟着训练一起变
alias = model.state_dict()
snapshot = copy.deepcopy(model.state_dict())
model.train()
optimizer.zero_grad()
loss_fn(model(X_train), y_train).backward()
optimizer.step()
w = model.net[0].weight
assert torch.equal(alias["net.0.weight"], w)  # “保存”的引用也变了
assert not torch.equal(snapshot["net.0.weight"], w)  # 深拷贝保持原样
