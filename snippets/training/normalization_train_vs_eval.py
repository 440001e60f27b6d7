"""同一个样本的 BN 输出：训练模式下随同批的其他样本而变，eval 模式下与其他样本无关；
LN 不用批统计量，训练和推理的计算完全相同。"""

import torch
from torch import nn

torch.manual_seed(0)

D = 4
bn = nn.BatchNorm1d(D)
for _ in range(20):  # 先“训练”一会儿，积累滑动平均
    bn(torch.randn(16, D) * 2 + 1)

x = torch.randn(1, D)  # 关心的那个样本
batch_a = torch.cat([x, torch.randn(7, D)])  # 和两组不同的“同伴”放在一批
batch_b = torch.cat([x, torch.randn(7, D) * 5 - 3])

bn.train()
y_train_a, y_train_b = bn(batch_a)[0], bn(batch_b)[0]
bn.eval()
y_eval_a, y_eval_b, y_eval_alone = bn(batch_a)[0], bn(batch_b)[0], bn(x)[0]
print(
    f"{(y_train_a - y_train_b).abs().max().item():.3f} {(y_eval_a - y_eval_b).abs().max().item()}"
)
# > 1.850 0.0

ln = nn.LayerNorm(D)
ln_train = ln.train()(batch_b)[0]
ln_eval = ln.eval()(x)[0]

# IN 默认不记录滑动平均，train/eval 相同；track_running_stats=True 时 eval 改用滑动平均，就不同了
images = torch.randn(4, 3, 5, 5) * 2 + 1
inorm = nn.InstanceNorm2d(3)
inorm_tracked = nn.InstanceNorm2d(3, track_running_stats=True)
inorm_tracked(torch.randn(4, 3, 5, 5))  # 训练模式跑一批，积累滑动平均
in_outputs = {
    name: (m.train()(images), m.eval()(images))
    for name, m in [("默认", inorm), ("track_running_stats", inorm_tracked)]
}

# 检查：训练模式下，x 的输出取决于同批的其他样本
assert not torch.allclose(y_train_a, y_train_b, atol=0.1)
# 检查：eval 模式下，x 的输出与同伴无关，单独推理也一样
torch.testing.assert_close(y_eval_a, y_eval_b)
torch.testing.assert_close(y_eval_a, y_eval_alone)
# 检查：LN 的 train/eval 没有区别，也与同伴无关
torch.testing.assert_close(ln_train, ln_eval)
# 检查：IN 默认 train/eval 相同；打开 track_running_stats 后 eval 用滑动平均，输出变了
torch.testing.assert_close(*in_outputs["默认"])
assert not torch.allclose(*in_outputs["track_running_stats"], atol=0.1)
