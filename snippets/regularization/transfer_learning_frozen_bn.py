"""冻结的 BN 层：requires_grad_(False) 只冻结 γ、β；train 模式下前向仍用当前批次的统计量，
并改写 running_mean / running_var。要真正冻结，得把这些层设成 eval 模式，
而且每次 model.train() 之后都要重设。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class FineTuneNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU())  # 预训练主干
        self.head = nn.Linear(8, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.backbone(x))


model = FineTuneNet()
bn = model.backbone[1]
model.backbone.requires_grad_(False)  # 冻结主干的参数（包括 BN 的 γ、β）
X = 3 * torch.randn(16, 4) + 5  # 目标域数据：分布和预训练数据不同

# 陷阱：只冻结参数，train 模式下 BN 的滑动统计量照样被改写
model.train()
mean_before = bn.running_mean.clone()
model(X)
print(int(bn.num_batches_tracked), torch.equal(bn.running_mean, mean_before))
# > 1 False

# 正确做法：主干（至少其中的 BN）设成 eval 模式
model.train()
model.backbone.eval()
stats = (bn.running_mean.clone(), bn.running_var.clone())
h = model.backbone[0](X)
out = model.backbone(X)
print(int(bn.num_batches_tracked), model.head.training, bn.training)
# > 1 True False

# 再次陷阱：每个 epoch 开头的 model.train() 会把子模块全部设回 train 模式
model.train()
bn_training_again = bn.training


# 稳妥的写法：重写 train()，无论怎么切换模式，主干始终保持 eval
class FrozenBackboneNet(FineTuneNet):
    def train(self, mode: bool = True) -> "FrozenBackboneNet":
        super().train(mode)
        self.backbone.eval()
        return self


safe = FrozenBackboneNet().train()

# 检查：eval 模式下滑动统计量不再变化，输出用的是滑动统计量（与 F.batch_norm 推理模式一致）
torch.testing.assert_close(bn.running_mean, stats[0], rtol=0, atol=0)
torch.testing.assert_close(bn.running_var, stats[1], rtol=0, atol=0)
ref = F.batch_norm(h, *stats, bn.weight, bn.bias, training=False, eps=bn.eps)
torch.testing.assert_close(out, F.relu(ref))
# 检查：model.train() 之后 BN 又回到 train 模式，冻结要在它之后重新做
assert bn_training_again
# 检查：重写 train() 后，主干的 BN 保持 eval，分类头照常是 train 模式
assert not safe.backbone[1].training and safe.head.training
