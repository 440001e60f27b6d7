"""推理时 Dropout 开还是关：忘了 model.eval()，同一个输入每次的输出都不一样、误差更大；
蒙特卡洛 Dropout（MC Dropout，Gal 与 Ghahramani 2016）则故意打开它、平均多次前向，
输出的标准差可以当作一种不确定性估计。在这个回归例子里，它在远离训练数据处更大。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)
X_test = torch.linspace(-2, 2, 101)[:, None]
y_test = torch.sin(2 * X_test)
xs = torch.tensor([[-1.0], [0.0], [1.0], [-5.0], [5.0]])  # 前三个在数据范围内，后两个远在外面
S = 200


def run(seed: int) -> dict[str, torch.Tensor | float]:
    torch.manual_seed(seed)
    X = torch.rand(40, 1) * 4 - 2  # 训练数据只覆盖 [-2, 2]
    y = torch.sin(2 * X) + 0.1 * torch.randn(40, 1)
    model = nn.Sequential(
        nn.Linear(1, 64), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(64, 1),
    )  # fmt: skip
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(300):
        opt.zero_grad()
        F.mse_loss(model(X), y).backward()
        opt.step()

    with torch.no_grad():
        # 1) 忘了 model.eval()：模型还在训练模式，每次前向随机抽一个子网络
        out_1, out_2 = model(X_test), model(X_test)
        model.eval()
        out_eval = model(X_test)

        # 2) MC Dropout：整体 eval，只把 Dropout 层切回训练模式（若有 BN，BN 仍用 running 统计量）
        for m in model.modules():
            if isinstance(m, nn.Dropout):
                m.train()
        samples = model(xs.repeat(S, 1)).view(S, len(xs))
        model.eval()
        mean_eval = model(xs).squeeze(1)
    return {
        "differ": not torch.equal(out_1, out_2),
        "mse_forgot": F.mse_loss(out_1, y_test).item(),
        "mse_eval": F.mse_loss(out_eval, y_test).item(),
        "mc_mean": samples.mean(dim=0),
        "mc_std": samples.std(dim=0),
        "mean_eval": mean_eval,
    }


results = [run(seed) for seed in range(5)]  # 5 组不同的训练数据和初始化
r = results[0]
print(f"测试 MSE：忘了 eval {r['mse_forgot']:.4f}，eval {r['mse_eval']:.4f}")
print("MC 标准差", [round(v, 2) for v in r["mc_std"].tolist()])
# > 测试 MSE：忘了 eval 0.0432，eval 0.0258
# > MC 标准差 [0.12, 0.11, 0.12, 0.28, 0.63]

for r in results:
    # 检查 1：训练模式下两次前向不同；eval 模式的输出确定，误差更小（5 组都成立）
    assert r["differ"] and r["mse_forgot"] > r["mse_eval"]
    # 检查 2：在数据范围内，MC 平均与 eval 的输出接近（差 0.1 以内），但 MC 还给出了标准差
    torch.testing.assert_close(r["mc_mean"][:3], r["mean_eval"][:3], atol=0.1, rtol=0)
    # 检查 3：这个例子里，远离训练数据（x = ±5）时标准差是数据范围内的 2 倍以上（5 组都成立）
    assert r["mc_std"][3:].min() > 2 * r["mc_std"][:3].max()
