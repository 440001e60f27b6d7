"""奖励模型的 Bradley–Terry 损失 -log σ(r_w - r_l)：与 PyTorch 的两种写法一致，
梯度 -(1-σ(Δ)) 与 autograd 一致。
"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
r_w = torch.randn(8, dtype=torch.float64, requires_grad=True)  # 被选回答的奖励
r_l = torch.randn(8, dtype=torch.float64, requires_grad=True)  # 被拒回答的奖励
delta = r_w - r_l

loss = -torch.log(torch.sigmoid(delta)).mean()  # 按定义
torch.testing.assert_close(loss, -F.logsigmoid(delta).mean())
# 等价于“标签恒为 1 的二分类”，logit 是奖励差
torch.testing.assert_close(
    loss, F.binary_cross_entropy_with_logits(delta, torch.ones(8, dtype=torch.float64))
)

# 梯度：∂ℓ/∂r_w = -(1 - σ(Δ)) = -σ(-Δ)，∂ℓ/∂r_l = +σ(-Δ)（再除以批大小 8）
loss.backward()
g = -torch.sigmoid(-delta.detach()) / 8
torch.testing.assert_close(r_w.grad, g)
torch.testing.assert_close(r_l.grad, -g)

# 只有奖励差有意义：两个奖励同加一个常数，损失不变
torch.testing.assert_close(-F.logsigmoid((r_w + 3.0) - (r_l + 3.0)).mean(), loss)

# 已经排对且差距大的对几乎没有梯度，排错的对梯度接近 1
d = torch.tensor([-4.0, 0.0, 4.0], dtype=torch.float64)
print([round(v, 3) for v in torch.sigmoid(-d).tolist()])
# > [0.982, 0.5, 0.018]
