"""5 个小 MLP 取平均：平方误差下集成一定不差于成员的平均（Jensen），差值恰好是成员间的分歧。
只换随机种子的成员误差高度相关、收益很小；再加上自助采样（Bagging），相关性降低、改进变大。
把权重取平均则不是集成：独立训练的网络，权重平均后几乎不能用。"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 双精度：打印的数字不随线程数等浮点细节变化


def make_data(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    X = torch.rand(n, 1) * 4 - 2
    return X, torch.sin(2 * X) + 0.3 * torch.randn(n, 1)


X_train, y_train = make_data(40)
X_test, y_test = make_data(1000)
n, M, H = 40, 5, 64

# 2M 个 1-64-1 的 tanh 网络并排放在第 0 维一起训练；前 M 个只换种子，后 M 个再各用一份自助样本
params = []
for m in range(2 * M):
    torch.manual_seed(100 + m)  # 每个网络不同的初始化
    params.append(
        [
            torch.randn(1, H) * 3,
            torch.randn(1, H) * 3,
            torch.randn(H, 1) / H**0.5,
            torch.zeros(1, 1),
        ]
    )
W1, b1, W2, b2 = (torch.stack(p).requires_grad_() for p in zip(*params, strict=True))
torch.manual_seed(1)
boot = torch.zeros(M, n).scatter_add_(1, torch.randint(0, n, (M, n)), torch.ones(M, n))
c = torch.cat([torch.ones(M, n), boot])[..., None]  # 每个样本在每个网络损失里的权重（抽中次数）


def predict(X: torch.Tensor) -> torch.Tensor:
    """返回 (2M, n, 1)：每个网络的预测。"""
    return torch.tanh(X @ W1 + b1) @ W2 + b2


opt = torch.optim.Adam([W1, b1, W2, b2], lr=0.03)
for _ in range(300):
    opt.zero_grad()
    # 各网络的损失相加：参数互不相交，每个网络得到的梯度和单独训练时一样
    (c * (predict(X_train) - y_train) ** 2).mean(dim=(1, 2)).sum().backward()
    opt.step()

with torch.no_grad():
    P_all = predict(X_test)
results = {}
for name, P in [("只换种子", P_all[:M]), ("种子 + 自助采样", P_all[M:])]:
    member = ((P - y_test) ** 2).mean(dim=(1, 2))  # 每个成员的测试 MSE
    ens = ((P.mean(0) - y_test) ** 2).mean()  # 取平均后的测试 MSE
    rho = torch.corrcoef((P - torch.sin(2 * X_test)).squeeze(-1)).triu(1).sum() / (M * (M - 1) / 2)
    results[name] = (P, member, ens, rho.item())
    print(f"{name}：成员平均 {member.mean():.4f}，集成 {ens:.4f}，误差相关系数 {rho:.2f}")
# > 只换种子：成员平均 0.1130，集成 0.1125，误差相关系数 0.98
# > 种子 + 自助采样：成员平均 0.1406，集成 0.1191，误差相关系数 0.70

# 对照：把 5 个只换种子的网络的“权重”取平均，得到的是另一个网络，不是集成
with torch.no_grad():
    Wm = [p[:M].mean(0) for p in (W1, b1, W2, b2)]
    P_wavg = torch.tanh(X_test @ Wm[0] + Wm[1]) @ Wm[2] + Wm[3]
mse_wavg = ((P_wavg - y_test) ** 2).mean()
mse_const = ((y_train.mean() - y_test) ** 2).mean()  # 什么都不学：永远预测训练标签的均值
print(f"权重取平均的网络：测试 MSE {mse_wavg:.4f}（只预测常数：{mse_const:.4f}）")
# > 权重取平均的网络：测试 MSE 0.4563（只预测常数：0.5427）

for P, member, ens, _rho in results.values():
    # 检查 1（分歧分解）：集成 MSE = 成员 MSE 的平均 - 成员相对平均预测的分歧，分歧 ≥ 0
    ambiguity = ((P - P.mean(0)) ** 2).mean()
    torch.testing.assert_close(ens, member.mean() - ambiguity)
    # 检查 2（Jensen）：所以集成不差于成员的平均；但不保证好过最好的那个成员
    assert ens <= member.mean()

# 检查 3：只换种子的成员误差高度相关，集成几乎没有收益；自助采样让单个成员变差，
# 但相关性明显降低，集成带来的改进（成员平均 - 集成）大得多
(_, m_seed, e_seed, rho_seed), (_, m_bag, e_bag, rho_bag) = results.values()
assert rho_seed > 0.9 and rho_bag < 0.8
assert (m_bag.mean() - e_bag) > 5 * (m_seed.mean() - e_seed)
# 检查 4：独立训练的网络隐藏单元的排列各不相同，权重平均远差于预测平均，
# 只比“永远预测一个常数”好一点（误差还剩常数预测的 75% 以上）
assert mse_wavg > 3 * e_seed and mse_wavg > 0.75 * mse_const
