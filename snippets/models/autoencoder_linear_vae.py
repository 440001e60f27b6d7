"""线性高斯 VAE（解码器 x | z ~ N(Wz, s²I)，即概率 PCA）的 log p(x) 有闭式解，可以逐点验证
log p(x) = ELBO + KL(q(z|x) ‖ p(z|x)) ≥ ELBO。训练后 ELBO 升到最大对数似然（Tipping–Bishop 闭式），
s² 等于丢掉的特征值的均值；对角高斯的编码器还让解码器的每一列各自对准一个主方向。5 个种子。"""

import math

import torch
from torch.distributions import MultivariateNormal, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
n, D, k = 500, 5, 2
Q = torch.linalg.qr(torch.randn(D, D)).Q
X = (torch.randn(n, D) * torch.tensor([3.0, 1.5, 0.5, 0.4, 0.3])) @ Q.T
X = X - X.mean(dim=0)
C = X.T @ X / n  # 最大似然用的协方差（除以 n）
lam, U = torch.linalg.eigh(C)
lam, U = lam.flip(0), U.flip(1)  # 特征值从大到小


def elbo(A: torch.Tensor, logv: torch.Tensor, W: torch.Tensor, logs2: torch.Tensor) -> torch.Tensor:
    """编码器 q(z|x) = N(Ax, diag v)，解码器 p(x|z) = N(Wz, s²I)，先验 N(0, I)：
    整个数据集上的平均 ELBO（闭式）。"""
    v, s2 = logv.exp(), logs2.exp()
    R = torch.eye(D) - W @ A
    sq_err = torch.trace(R @ C @ R.T) + (v * (W**2).sum(0)).sum()  # E‖x − Wz‖² 的平均
    recon = -0.5 * D * torch.log(2 * math.pi * s2) - sq_err / (2 * s2)
    kl = 0.5 * (v.sum() + torch.trace(A @ C @ A.T) - k - logv.sum())
    return recon - kl


# 1) 任取一组参数，逐点验证 log p(x) = ELBO(x) + KL(q(z|x) ‖ p(z|x))
A, logv, W, logs2 = torch.randn(k, D), torch.randn(k), torch.randn(D, k), torch.tensor(0.3)
s2 = logs2.exp()
log_px = MultivariateNormal(torch.zeros(D), W @ W.T + s2 * torch.eye(D)).log_prob(X)  # 边缘分布闭式
Mi = torch.linalg.inv(W.T @ W + s2 * torch.eye(k))
posterior = MultivariateNormal(X @ (Mi @ W.T).T, s2 * Mi)  # 真实后验 p(z|x) 也是高斯
q = MultivariateNormal(X @ A.T, torch.diag(logv.exp()))
elbo_x = (
    MultivariateNormal(q.mean @ W.T, s2 * torch.eye(D)).log_prob(X)
    - 0.5
    * (logv.exp() * (W**2).sum(0)).sum()
    / s2  # E_q[log p(x|z)] = log p(x|E z) − tr(W V Wᵀ)/(2s²)
    - kl_divergence(q, MultivariateNormal(torch.zeros(k), torch.eye(k)))
)
gap = log_px - elbo_x
torch.testing.assert_close(gap, kl_divergence(q, posterior))
assert (gap > 0).all()
torch.testing.assert_close(elbo_x.mean(), elbo(A, logv, W, logs2))  # 逐点版与上面的闭式一致

# 2) 最大对数似然（Tipping 和 Bishop 1999）：s² = 丢掉的特征值的均值，W = U_k (Λ_k − s²I)^½
s2_ml = lam[k:].mean()
W_ml = U[:, :k] * (lam[:k] - s2_ml).sqrt()
ll_ml = MultivariateNormal(torch.zeros(D), W_ml @ W_ml.T + s2_ml * torch.eye(D)).log_prob(X).mean()
closed = -0.5 * (D * math.log(2 * math.pi) + lam[:k].log().sum() + (D - k) * s2_ml.log() + D)
torch.testing.assert_close(ll_ml, closed)


# 3) 从 5 个随机初始化训练线性 VAE（L-BFGS 最大化 ELBO）
def train(seed: int) -> tuple[float, list[torch.Tensor]]:
    torch.manual_seed(seed)
    params = [(0.5 * torch.randn(k, D)).requires_grad_(), torch.zeros(k, requires_grad=True)]
    params += [(0.5 * torch.randn(D, k)).requires_grad_(), torch.zeros((), requires_grad=True)]
    start = elbo(*params).item()
    opt = torch.optim.LBFGS(
        params, max_iter=500, line_search_fn="strong_wolfe", tolerance_change=1e-14
    )

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = -elbo(*params)
        loss.backward()
        return loss

    opt.step(closure)
    return start, [p.detach() for p in params]


for seed in range(5):
    start, (A_t, logv_t, W_t, logs2_t) = train(seed)
    end = elbo(A_t, logv_t, W_t, logs2_t).item()
    ll_t = (
        MultivariateNormal(torch.zeros(D), W_t @ W_t.T + logs2_t.exp() * torch.eye(D))
        .log_prob(X)
        .mean()
    )
    cos = (U[:, :k].T @ W_t).abs() / W_t.norm(dim=0)  # 每一列与前两个主方向的夹角余弦
    if seed == 0:
        print(f"ELBO：{start:.3f} → {end:.3f}；最大对数似然 {ll_ml:.3f}")
        # > ELBO：-15.988 → -5.948；最大对数似然 -5.948
        print(f"s² = {logs2_t.exp():.4f}（丢掉的特征值均值 {s2_ml:.4f}）")
        # > s² = 0.1748（丢掉的特征值均值 0.1748）
        match = "；".join(
            f"第 {j + 1} 列 → 第 {i + 1} 主方向" for j, i in enumerate(cos.argmax(0).tolist())
        )
        print(match + f"（|cos| > 0.999999：{bool((cos.max(dim=0).values > 1 - 1e-6).all())}）")
        # > 第 1 列 → 第 1 主方向；第 2 列 → 第 2 主方向（|cos| > 0.999999：True）
    # 检查：ELBO 上升并达到最大似然；学到的模型的精确 log p(x) ≥ ELBO 且也等于最大值
    assert end > start + 5
    assert abs(end - ll_ml.item()) < 1e-6 and ll_t.item() >= end - 1e-9
    assert abs(logs2_t.exp() - s2_ml) < 1e-5
    # 检查：每一列都对准一个主方向（|cos| ≈ 1），而不只是张成同一个子空间；列彼此正交
    assert (cos.max(dim=0).values > 1 - 1e-6).all() and (cos.max(dim=1).values > 1 - 1e-6).all()
    assert (W_t.T @ W_t - torch.diag(torch.diagonal(W_t.T @ W_t))).abs().max() < 1e-5
