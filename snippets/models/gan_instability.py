"""GAN 训练的两种典型失败：(1) 梯度下降围着均衡点打转（Dirac-GAN）；
(2) 判别器不动时，生成器把所有 z 都送到 D 打分最高的点上（模式崩溃），精确率/召回率能看出来。"""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


# 1) Dirac-GAN（Mescheder 等 2018）：真实数据只有一个点 x = 0，生成器也只产生一个点 θ，
#    判别器 D(x) = σ(ψ·x)。唯一的均衡点是 θ = 0、ψ = 0
def V(theta: torch.Tensor, psi: torch.Tensor) -> torch.Tensor:
    return F.logsigmoid(psi * 0.0) + F.logsigmoid(-psi * theta)


def grads(theta: float, psi: float) -> tuple[float, float]:
    """∂V/∂θ = −ψ·σ(ψθ)，∂V/∂ψ = −θ·σ(ψθ)（手推，检查 1 用 autograd 核对）。"""
    s = 1 / (1 + math.exp(-psi * theta))
    return -psi * s, -theta * s


def run(mode: str, gamma: float = 0.0, lr: float = 0.2, steps: int = 200) -> tuple[float, int]:
    theta, psi = 1.0, 1.0
    sign_changes = 0
    for _ in range(steps):
        g_t, g_p = grads(theta, psi)
        psi = psi + lr * (g_p - gamma * psi)  # D 梯度上升；R1 正则减去 γ/2·‖∇_x D‖² = γ/2·ψ²
        if mode == "alternating":  # 交替：G 用更新后的 D 重新算梯度
            g_t, _ = grads(theta, psi)
        new_theta = theta - lr * g_t  # G 梯度下降
        sign_changes += int(new_theta * theta < 0)  # 生成器越过真实数据点的次数
        theta = new_theta
    return math.hypot(theta, psi), sign_changes  # 到均衡点 (0, 0) 的距离，起点 √2


r_sim, _ = run("simultaneous")
r_alt, n_alt = run("alternating")
r_r1, _ = run("alternating", gamma=1.0)
print(f"同时更新 {r_sim:.2f}，交替更新 {r_alt:.2f}（来回 {n_alt} 次），加 R1 正则 {r_r1:.0e}")
# > 同时更新 2.45，交替更新 1.36（来回 5 次），加 R1 正则 2e-06


# 2) 模式崩溃：真实数据是两个峰 0.5·N(−2, 0.3²) + 0.5·N(2, 0.3²)；
#    判别器固定不动（相当于 G 比 D 更新得快得多）
def log_p_data(x: torch.Tensor) -> torch.Tensor:
    log_two_peaks = torch.logaddexp(Normal(-2.0, 0.3).log_prob(x), Normal(2.0, 0.3).log_prob(x))
    return log_two_peaks - math.log(2)


def D_logit(x: torch.Tensor) -> torch.Tensor:
    """一个固定的判别器：上一轮生成器是 N(0, 2²) 时的最优判别器，logit = log p_data − log p_g。"""
    return log_p_data(x) - Normal(0.0, 2.0).log_prob(x)


G = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1))
opt = torch.optim.Adam(G.parameters(), lr=0.05)
for _ in range(100):
    loss = -F.logsigmoid(D_logit(G(torch.randn(128, 1)))).mean()  # 非饱和损失，D 不更新
    opt.zero_grad()
    loss.backward()
    opt.step()


def radii(X: torch.Tensor, k: int = 3) -> torch.Tensor:
    """每个样本到它第 k 个近邻的距离：用这些球的并集近似样本所在的“流形”。"""
    return torch.cdist(X, X).kthvalue(k + 1, dim=1).values  # 第 1 近是自己


def coverage(A: torch.Tensor, B: torch.Tensor) -> float:
    """A 中有多少比例落在 B 的流形里。"""
    return (torch.cdist(A, B) <= radii(B)[None, :]).any(dim=1).double().mean().item()


def sample_data(n: int) -> torch.Tensor:
    sign = torch.where(torch.rand(n, 1) < 0.5, -1.0, 1.0)
    return 2.0 * sign + 0.3 * torch.randn(n, 1)


real, good = sample_data(500), sample_data(500)  # good：与真实数据同分布的“理想生成器”
with torch.no_grad():
    collapsed = G(torch.randn(500, 1))
prec, rec = coverage(collapsed, real), coverage(real, collapsed)  # 精确率、召回率
prec_good, rec_good = coverage(good, real), coverage(real, good)
print(f"崩溃：精确率 {prec:.2f}，召回率 {rec:.2f}")
# > 崩溃：精确率 1.00，召回率 0.13
print(f"理想：精确率 {prec_good:.2f}，召回率 {rec_good:.2f}")
# > 理想：精确率 0.98，召回率 0.97


def field(z: torch.Tensor) -> torch.Tensor:
    """(G 的下降方向, D 的上升方向)，z = (θ, ψ)。"""
    return torch.stack([-torch.func.grad(V, 0)(z[0], z[1]), torch.func.grad(V, 1)(z[0], z[1])])


# 检查 1：手推的梯度与 autograd 一致；在均衡点线性化，Jacobian 的特征值是纯虚数 ±i/2：只转圈
t, p = torch.tensor(0.7, requires_grad=True), torch.tensor(-1.3, requires_grad=True)
torch.testing.assert_close(
    torch.stack(torch.autograd.grad(V(t, p), (t, p))), torch.tensor(grads(0.7, -1.3))
)
eig = torch.linalg.eigvals(torch.autograd.functional.jacobian(field, torch.zeros(2)))
torch.testing.assert_close(eig.real, torch.zeros(2))
torch.testing.assert_close(eig.imag.abs(), torch.full((2,), 0.5))
# 检查 2：同时更新越转越远；交替更新来回振荡、不靠近；加 R1 正则才收敛到均衡点
assert r_sim > 2.0 and r_alt > 1.2 and n_alt >= 4 and r_r1 < 1e-4

# 检查 3：所有生成样本挤进了同一个峰，停在 D 的局部最大值（约 2.05）附近，
#         峰内的宽度（真实为 0.3）也几乎没了
grid = torch.linspace(0, 4, 40001)
x_star = grid[D_logit(grid).argmax()].item()  # D 在 x > 0 一侧的最高点（两侧对称）
one_mode = bool((collapsed > 0).all() or (collapsed < 0).all())
assert abs(x_star - 2.046) < 1e-3 and one_mode
assert abs(collapsed.abs().mean().item() - x_star) < 0.05 and collapsed.std() < 0.05
# 检查 4：精确率看“像不像”，召回率看“全不全”：崩溃后精确率仍很高，召回率很低
assert prec > 0.95 and rec < 0.3 and prec_good > 0.9 and rec_good > 0.9
