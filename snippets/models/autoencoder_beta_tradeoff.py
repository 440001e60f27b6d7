"""β-VAE 的权衡：目标是 重构项 − β·KL。
线性高斯 VAE（解码器方差固定为 s²）在 x ~ N(0, C) 上有闭式最优解：
β·s² 像一条“水位线”，方差 λ_j 低于它的潜变量维度整个坍缩成先验（KL_j = 0），
KL（码率）= ½ Σ log₊(λ_j / βs²) 随 β 下降，重构误差 = Σ min(λ_j, βs²) + 丢掉的方差 随 β 上升。"""

import itertools

import torch
from torch.distributions import MultivariateNormal, kl_divergence

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
D, k, s2 = 5, 2, 0.25
lam = torch.tensor([4.0, 2.0, 0.5, 0.3, 0.2])  # 数据各主方向的方差
U = torch.linalg.qr(torch.randn(D, D)).Q
C = U @ torch.diag(lam) @ U.T


def terms(A: torch.Tensor, logv: torch.Tensor, W: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """x ~ N(0, C) 上的期望：重构平方误差 E‖x − Wz‖²，以及每个潜变量维度的 KL。"""
    v, R = logv.exp(), torch.eye(D) - W @ A
    sq_err = torch.trace(R @ C @ R.T) + (v * (W**2).sum(0)).sum()
    kl_dims = 0.5 * (v + torch.diagonal(A @ C @ A.T) - 1 - logv)
    return sq_err, kl_dims


def train(beta: float, s2: float = s2) -> tuple[torch.Tensor, ...]:
    params = [torch.randn(k, D).requires_grad_(), torch.zeros(k, requires_grad=True)]
    params.append(torch.randn(D, k).requires_grad_())
    opt = torch.optim.LBFGS(
        params, max_iter=1000, line_search_fn="strong_wolfe", tolerance_change=1e-15
    )

    def closure() -> torch.Tensor:
        opt.zero_grad()
        sq_err, kl_dims = terms(*params)
        loss = sq_err / (2 * s2) + beta * kl_dims.sum()  # −(重构项 − β·KL)，略去常数
        loss.backward()
        return loss

    opt.step(closure)
    return tuple(p.detach() for p in params)


def show(v: torch.Tensor) -> str:
    return f"{v:.3f}" if v > 1e-6 else "0"  # 坍缩时 KL 在数学上是 0，不印浮点残差


rates, dists, sols = [], [], {}
for beta in (0.5, 1.0, 4.0, 12.0, 20.0):
    A, logv, W = train(beta)
    sq_err, kl_dims = terms(A, logv, W)
    tau2 = beta * s2  # 水位线
    rate_cf = 0.5 * torch.log(lam[:k] / tau2).clamp(min=0).sum()
    dist_cf = torch.minimum(lam[:k], torch.tensor(tau2)).sum() + lam[k:].sum()
    n_collapsed = int((kl_dims < 1e-6).sum())
    print(
        f"β = {beta:4.1f}：KL {show(kl_dims.sum())}（闭式 {show(rate_cf)}），"
        f"重构误差 {sq_err:.3f}（闭式 {dist_cf:.3f}），坍缩 {n_collapsed} 维"
    )
    # > β =  0.5：KL 3.119（闭式 3.119），重构误差 1.250（闭式 1.250），坍缩 0 维
    # > β =  1.0：KL 2.426（闭式 2.426），重构误差 1.500（闭式 1.500），坍缩 0 维
    # > β =  4.0：KL 1.040（闭式 1.040），重构误差 3.000（闭式 3.000），坍缩 0 维
    # > β = 12.0：KL 0.144（闭式 0.144），重构误差 6.000（闭式 6.000），坍缩 1 维
    # > β = 20.0：KL 0（闭式 0），重构误差 7.000（闭式 7.000），坍缩 2 维
    # 检查 1：训练结果与闭式最优解一致；坍缩的维度正好是 λ_j ≤ βs² 的那些
    assert abs(kl_dims.sum() - rate_cf) < 1e-5 and abs(sq_err - dist_cf) < 1e-5
    assert n_collapsed == int((lam[:k] <= tau2).sum())
    rates.append(kl_dims.sum().item())
    sols[beta] = (kl_dims.sum(), sq_err)
    dists.append(sq_err.item())
    if beta == 1.0:
        # 检查 2：平均 KL = I(x; z) + KL(q(z) ‖ p(z))，q(z) 是所有 x 的编码分布混在一起（聚合后验）
        q_agg = MultivariateNormal(torch.zeros(k), A @ C @ A.T + torch.diag(logv.exp()))
        mutual_info = (
            q_agg.entropy() - MultivariateNormal(torch.zeros(k), torch.diag(logv.exp())).entropy()
        )
        prior = MultivariateNormal(torch.zeros(k), torch.eye(k))
        torch.testing.assert_close(kl_dims.sum(), mutual_info + kl_divergence(q_agg, prior))
    if beta == 20.0:
        # 检查 3：全部坍缩时 KL = 0，编码器输出与 x 无关（A = 0），z 不携带 x 的任何信息
        assert kl_dims.sum() < 1e-8 and A.abs().max() < 1e-4

# 检查 4：β 越大，KL 越小、重构误差越大（严格单调，直到全部坍缩）
assert all(r1 > r2 for r1, r2 in itertools.pairwise(rates))
assert all(d1 < d2 for d1, d2 in itertools.pairwise(dists))

# 检查 5：起作用的只是 β·s²：MSE 前的权重 1/(2s²) 与 β 可以互换。
# s² = 1、β = 1（普通 ELBO，MSE 权重 ½）与 s² = 0.25、β = 4 的最优码率和失真相同，
# 而同样 β = 1、s² = 0.25 时码率是 2.426，不同
A_b, logv_b, W_b = train(1.0, s2=1.0)
sq_err_b, kl_b = terms(A_b, logv_b, W_b)
assert abs(kl_b.sum() - sols[4.0][0]) < 1e-5 and abs(sq_err_b - sols[4.0][1]) < 1e-5
assert abs(kl_b.sum() - sols[1.0][0]) > 1
