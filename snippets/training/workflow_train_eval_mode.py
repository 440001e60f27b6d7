"""train()/eval() 切换 Dropout 和 BatchNorm 的行为；no_grad() 只管不建计算图，两者互不替代。"""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 2)
)
X = torch.randn(16, 4)
bn, drop = model[1], model[3]

# 1) eval 模式：Dropout 什么也不做，BN 用训练时累积的 running_mean/var；输出确定
model.eval()
out_eval_1, out_eval_2 = model(X), model(X)
# 2) train 模式：Dropout 随机置零并把留下的乘 1/(1-p)，BN 用当前批的统计量，还会更新 running 统计量
model.train()
running_before = bn.running_mean.clone()
out_train_1, out_train_2 = model(X), model(X)
h = torch.randn(1000, 8)
dropped = drop(h)
# 3) 只加 no_grad 不切 eval：不建计算图，可 BN 的 running 统计量照样被改写
running_mid = bn.running_mean.clone()
with torch.no_grad():
    model(X + 3.0)
running_after = bn.running_mean.clone()
# 4) 只切 eval 不加 no_grad：输出照样带计算图（浪费内存），可以反向传播
model.eval()
out_eval_grad = model(X)
with torch.no_grad():
    out_eval_nograd = model(X)

# 检查 1：eval 模式下两次前向完全相同；train 模式下 Dropout 让两次前向不同
assert torch.equal(out_eval_1, out_eval_2)
assert not torch.equal(out_train_1, out_train_2)
# 检查 2：Dropout 在 train 模式把约一半元素置零，留下的乘以 1/(1−p) = 2；在 eval 模式是恒等映射
kept = dropped != 0
torch.testing.assert_close(dropped[kept], 2 * h[kept])
assert abs(kept.double().mean().item() - 0.5) < 0.03
assert not drop.training  # model.eval() 递归地把所有子模块切到 eval
assert torch.equal(drop(h), h)
# 检查 3：train 模式的前向会更新 BN 的 running_mean（动量 0.1），即使在 no_grad 下也会
assert not torch.equal(running_before, running_mid)
torch.testing.assert_close(
    running_after, 0.9 * running_mid + 0.1 * model[0](X + 3.0).mean(dim=0).detach()
)
# 检查 4：eval() 不关梯度：输出仍有 grad_fn；no_grad 下的输出没有计算图，数值相同
assert out_eval_grad.requires_grad and out_eval_grad.grad_fn is not None
assert not out_eval_nograd.requires_grad and out_eval_nograd.grad_fn is None
torch.testing.assert_close(out_eval_grad.detach(), out_eval_nograd)


# 5) inference_mode 比 no_grad 更彻底（连视图跟踪和版本计数也关掉），代价是其中产生的“推理张量”
#    离开该模式后不能被求导记录的运算保存、不能原地修改；读取、clone() 之后再用都没问题
def error_of(f) -> str:
    try:
        f()
    except RuntimeError as e:
        return str(e)
    return ""


with torch.inference_mode():
    feat = model(X)
w = torch.ones(2, requires_grad=True)
# 检查 5：推理张量可以读，也可以参与不需要保存它的运算（w + feat 的梯度与 feat 无关）
assert feat.is_inference() and error_of(lambda: feat.sum()) == ""
(w + feat).sum().backward()
assert torch.equal(w.grad, torch.full((2,), 16.0))
# 检查 6：w * feat 的反向要保存 feat，报错；原地修改也报错；clone() 得到普通张量就可以
assert "cannot be saved for backward" in error_of(lambda: w * feat)
assert "Inplace update to inference tensor" in error_of(lambda: feat.add_(1))
w.grad = None
(w * feat.clone()).sum().backward()
torch.testing.assert_close(w.grad, feat.sum(dim=0))
