"""Dropout 放在 BN 前面会产生“方差偏移”（Variance Shift，Li 等 2019）：
训练时 BN 统计到的是 Dropout 之后、被放大的方差；推理时 Dropout 关掉，真实方差变小，
BN 却仍除以训练时的大方差，输出的方差不再是 1。"""

import torch
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
p, mu, sigma, C = 0.5, 1.0, 1.0, 4


def batch() -> torch.Tensor:
    return mu + sigma * torch.randn(256, C)  # 某个隐藏层的输出：均值 μ、方差 σ²


def fit_running_stats(model: nn.Sequential) -> nn.Sequential:
    model.train()
    with torch.no_grad():
        for _ in range(200):  # 训练模式下前向，BN 累积 running_mean / running_var
            model(batch())
    return model.eval()


bn = nn.BatchNorm1d(C, momentum=None)  # momentum=None：累积平均，统计量更准
drop_then_bn = fit_running_stats(nn.Sequential(nn.Dropout(p), bn))
bn_then_drop = fit_running_stats(nn.Sequential(nn.BatchNorm1d(C, momentum=None), nn.Dropout(p)))

X_test = torch.cat([batch() for _ in range(40)])  # 推理时的数据（Dropout 已关）
with torch.no_grad():
    var_a = drop_then_bn(X_test).var(dim=0).mean().item()
    var_b = bn_then_drop(X_test).var(dim=0).mean().item()
var_train = sigma**2 + p / (1 - p) * (sigma**2 + mu**2)  # 训练时 Dropout 之后的方差
print(f"BN 记下的方差 {bn.running_var.mean():.2f}（公式 {var_train:.2f}）")
print(f"推理输出的方差：Dropout→BN {var_a:.2f}，BN→Dropout {var_b:.2f}")
# > BN 记下的方差 3.00（公式 3.00）
# > 推理输出的方差：Dropout→BN 0.33，BN→Dropout 1.00

# 检查 1：BN 的 running_var 是 Dropout 放大后的方差 σ² + p/(1-p)(σ²+μ²) = 3，不是 σ² = 1
assert abs(bn.running_var.mean().item() - var_train) / var_train < 0.03
# 检查 2：Dropout 在 BN 前面时，推理输出的方差约为 σ²/3，远离 1；BN 在前面时仍约为 1
assert abs(var_a - sigma**2 / var_train) < 0.05
assert abs(var_b - 1.0) < 0.05
