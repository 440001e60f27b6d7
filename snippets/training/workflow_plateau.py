"""平台检测：最近 W 个 epoch 训练损失的相对下降小于 tol，就认为训练损失进入平台。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def plateau_epoch(losses: list[float], window: int, tol: float) -> int | None:
    """返回第一个满足 (L[t−W] − L[t]) / |L[t−W]| < tol 的 epoch t；一直没有就返回 None。"""
    for t in range(window, len(losses)):
        if (losses[t - window] - losses[t]) / abs(losses[t - window]) < tol:
            return t
    return None


# 线性回归（带噪声）：训练损失最低只能降到最小二乘解的残差，而这个值可以直接算出来
N, d = 200, 5
X = torch.randn(N, d) * torch.tensor([1.0, 1.0, 0.5, 0.3, 0.2])  # 各方向尺度不同，收敛有快有慢
y = X @ torch.randn(d) + 0.5 * torch.randn(N)
w_star = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1)
loss_opt = F.mse_loss(X @ w_star, y).item()

w = torch.zeros(d, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.3)
losses = []
for _ in range(150):  # 全量梯度下降，每个 epoch 一步
    optimizer.zero_grad()
    loss = F.mse_loss(X @ w, y)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())

t_star = plateau_epoch(losses, window=10, tol=1e-3)
print(f"第 {t_star} 个 epoch 进入平台：损失 {losses[t_star]:.4f}，最优 {loss_opt:.4f}")
# > 第 107 个 epoch 进入平台：损失 0.2667，最优 0.2663

# 检查 1：检测到平台时，损失离最小二乘的最优值已不到 0.2%；之后再跑 40 多个 epoch 也降不了多少
assert t_star is not None
assert losses[t_star] < 1.002 * loss_opt
assert losses[t_star] - losses[-1] < 0.002 * losses[t_star]
# 检查 2：一直按固定比例下降的曲线（每个 epoch 乘 0.9）永远不会被判为平台
assert plateau_epoch([0.9**t for t in range(200)], window=10, tol=1e-3) is None
# 检查 3：平台不等于收敛。先平 10 个 epoch 再突然下降的曲线（鞍点附近、学习率太小时常见）
#         在第 5 个 epoch 就被判为平台，可之后损失又降了一半：窗口要够长，还要看其他信号
curve = [1.0] * 10 + [0.5] * 10
assert plateau_epoch(curve, window=5, tol=1e-3) == 5
