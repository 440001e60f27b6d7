"""学习率范围测试（LR finder）：学习率按指数增大，损失先降后爆；在爆炸之前取一个值。"""

import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：打印的数字不受浮点细节影响
n, d, B = 1024, 10, 32
X = torch.randn(n, d)
y = X @ torch.randn(d, 1) + 0.1 * torch.randn(n, 1)  # 合成的线性回归数据


def batches(steps: int):
    for _ in range(steps):
        idx = torch.randint(0, n, (B,))
        yield X[idx], y[idx]


# 1) 范围测试：lr 从 1e-4 按指数增大到 10，共 200 个 mini-batch；记录平滑后的损失
lr_start, lr_end, num_it = 1e-4, 10.0, 200
gamma = (lr_end / lr_start) ** (1 / (num_it - 1))  # 每步乘 γ
model = nn.Linear(d, 1)
opt = torch.optim.SGD(model.parameters(), lr=lr_start)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma)
lrs, smooth, avg, best = [], [], 0.0, float("inf")
for i, (xb, yb) in enumerate(batches(num_it)):
    loss = F.mse_loss(model(xb), yb)
    opt.zero_grad()
    loss.backward()
    lrs.append(opt.param_groups[0]["lr"])
    opt.step()
    sched.step()
    avg = 0.9 * avg + 0.1 * loss.item()  # 指数移动平均，去掉 mini-batch 的噪声
    smooth.append(avg / (1 - 0.9 ** (i + 1)))  # 偏差修正
    best = min(best, smooth[-1])
    if smooth[-1] > 4 * best:  # 损失超过最好值的 4 倍：认为已经发散，停止
        break

i_min = smooth.index(best)
lr_suggest = lrs[i_min] / 10  # 常用经验：损失最低处的学习率再除以 10
for i in (0, 50, 100, 130, i_min, len(lrs) - 1):
    print(f"step {i:3d}: lr={lrs[i]:.1e}, 平滑损失={smooth[i]:.3f}")
print(f"在第 {len(lrs) - 1} 步停止；建议 lr = {lr_suggest:.3f}")
# > step   0: lr=1.0e-04, 平滑损失=4.342
# > step  50: lr=1.8e-03, 平滑损失=3.145
# > step 100: lr=3.3e-02, 平滑损失=0.881
# > step 130: lr=1.8e-01, 平滑损失=0.062
# > step 150: lr=5.9e-01, 平滑损失=0.020
# > step 162: lr=1.2e+00, 平滑损失=0.106
# > 在第 162 步停止；建议 lr = 0.059

# 2) 二次损失的发散阈值：全批量 MSE 的海森矩阵 H = (2/n)·X̃ᵀX̃（X̃ 带一列 1 对应偏置），阈值 2/λ_max(H)
Xa = torch.cat([X, torch.ones(n, 1)], dim=1)
H = 2 / n * Xa.T @ Xa
lr_crit = 2 / torch.linalg.eigvalsh(H).max().item()


def full_loss(wb: torch.Tensor) -> torch.Tensor:
    return F.mse_loss(Xa @ wb, y.squeeze(1))


# 3) 分别用太小、建议值、太大的学习率各训练 100 步
def train(lr: float) -> float:
    torch.manual_seed(1)
    m = nn.Linear(d, 1)
    o = torch.optim.SGD(m.parameters(), lr=lr)
    for xb, yb in batches(100):
        o.zero_grad()
        F.mse_loss(m(xb), yb).backward()
        o.step()
    return F.mse_loss(m(X), y).item()


final = {lr: train(lr) for lr in (1e-3, lr_suggest, 1.5 * lr_crit)}
print(
    f"2/λ_max = {lr_crit:.3f}；100 步后的损失：", {f"{k:.3g}": f"{v:.3g}" for k, v in final.items()}
)
# > 2/λ_max = 0.869；100 步后的损失： {'0.001': '2.42', '0.0587': '0.011', '1.3': '1.62e+72'}

# 检查 1：扫描用的学习率就是 lr_start·γ^i（ExponentialLR）
assert all(math.isclose(lr, lr_start * gamma**i) for i, lr in enumerate(lrs))
# 检查 2：损失先大幅下降，然后爆炸（提前停止），停止点就在二次损失的发散阈值附近
assert best < 0.01 * smooth[0]
assert len(lrs) < num_it and smooth[-1] > 4 * best
assert 0.5 * lr_crit < lrs[-1] < 1.5 * lr_crit
# 检查 3：H 与 autograd 算出的海森矩阵一致；建议的学习率低于发散阈值
torch.testing.assert_close(torch.autograd.functional.hessian(full_loss, torch.zeros(d + 1)), H)
assert lr_suggest < lr_crit
# 检查 4：学习率太小，100 步后损失还很大；建议值已经降到最小二乘解的损失（噪声水平）的 1.1 倍以内；
# 太大则发散
loss_opt = F.mse_loss(Xa @ torch.linalg.lstsq(Xa, y).solution, y).item()
assert final[1e-3] > 1.0 and final[lr_suggest] < 1.1 * loss_opt and final[1.5 * lr_crit] > 1e3
