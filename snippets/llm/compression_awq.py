"""AWQ 的思路：按激活大小找出显著的输入通道，先放大这些权重再量化；乘积不变，输出误差变小。"""

import torch

torch.manual_seed(0)


def quant4_group(w: torch.Tensor, group: int = 32) -> torch.Tensor:
    """4 比特对称分组量化再反量化：每个输出通道的每 group 个输入权重共用一个 scale。"""
    g = w.reshape(w.shape[0], -1, group)
    s = g.abs().amax(dim=2, keepdim=True) / 7
    return (torch.clamp(torch.round(g / s), -8, 7) * s).reshape(w.shape)


def make(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """W：64×256（d_out × d_in）；X：512 个 token，其中 3 个输入通道（约 1%）的激活大 20 倍。"""
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(64, 256, generator=g, dtype=torch.float64)
    x = torch.randn(512, 256, generator=g, dtype=torch.float64)
    x[:, [10, 100, 200]] *= 20
    return w, x


def err(w_hat: torch.Tensor, w: torch.Tensor, x: torch.Tensor) -> float:
    return ((x @ (w_hat - w).T).norm() / (x @ w.T).norm()).item()


def awq(w: torch.Tensor, x: torch.Tensor, alpha: float) -> torch.Tensor:
    """s_j = mean|X_j|^α；量化 W·diag(s)，输入除以 s（可并进上一层），等效权重 Q(W s) / s。"""
    s = x.abs().mean(dim=0) ** alpha
    return quant4_group(w * s) / s


w, x = make(0)
rtn = err(quant4_group(w), w, x)

# 检查 1：缩放是等价变换，不量化时乘积逐位（在 float64 舍入内）不变
s = x.abs().mean(dim=0) ** 0.5
torch.testing.assert_close((x / s) @ (w * s).T, x @ w.T)

# 检查 2：论文的观察——保留 1% 的权重通道不量化，按激活大小挑远比按权重大小挑有效
keep = 3
by_act = x.abs().mean(dim=0).topk(keep).indices
by_w = w.norm(dim=0).topk(keep).indices


def keep_fp(w: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
    q = quant4_group(w)
    q[:, cols] = w[:, cols]
    return q


e_act, e_w = err(keep_fp(w, by_act), w, x), err(keep_fp(w, by_w), w, x)
print(f"RTN {rtn:.3f}，保留激活最大的 1%：{e_act:.3f}，保留权重最大的 1%：{e_w:.3f}")
# > RTN 0.096，保留激活最大的 1%：0.039，保留权重最大的 1%：0.096

# 检查 3：网格搜索 α（论文在 [0, 1] 上搜索），α = 0 就是 RTN
alphas = [i / 10 for i in range(11)]
errs = [err(awq(w, x, a), w, x) for a in alphas]
best = alphas[errs.index(min(errs))]
print(f"最好的 α = {best}，误差 {min(errs):.3f}")
# > 最好的 α = 0.4，误差 0.053

# 5 个种子都成立
for seed in range(5):
    w, x = make(seed)
    rtn = err(quant4_group(w), w, x)
    by_act = x.abs().mean(dim=0).topk(keep).indices
    by_w = w.norm(dim=0).topk(keep).indices
    errs = [err(awq(w, x, a), w, x) for a in alphas]
    assert 0.35 < err(keep_fp(w, by_act), w, x) / rtn < 0.5  # 按激活挑：误差降到 RTN 的四成左右
    assert err(keep_fp(w, by_w), w, x) > 0.95 * rtn  # 按权重挑：几乎没用
    assert 0.5 < min(errs) / rtn < 0.65  # 缩放：误差降到 RTN 的五到六成
    assert 0.2 <= alphas[errs.index(min(errs))] <= 0.5  # 最好的 α 在中间，不是 0 也不是 1
