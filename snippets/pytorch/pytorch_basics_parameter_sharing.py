"""参数共享：同一个模块实例用两次，只有一套参数，梯度是两处之和；
权重绑定（Weight Tying）让输出层和嵌入层指向同一个 Parameter 对象。"""

import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 1) 同一个 nn.Linear 实例用两次 vs 两个独立的拷贝（初值相同）
shared = nn.Linear(4, 4)
model = nn.Sequential(shared, nn.Tanh(), shared)
twin = nn.Sequential(copy.deepcopy(shared), nn.Tanh(), copy.deepcopy(shared))
X = torch.randn(3, 4)
model(X).pow(2).sum().backward()
twin(X).pow(2).sum().backward()
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in twin.parameters()))
# > 20 40


# 2) 权重绑定：语言模型里嵌入矩阵 (V, d) 与输出层权重 (V, d) 用同一个
class TiedLM(nn.Module):
    def __init__(self, V: int, d: int) -> None:
        super().__init__()
        self.embed = nn.Embedding(V, d)
        self.out = nn.Linear(d, V, bias=False)
        self.out.weight = self.embed.weight  # 不是复制数值，而是同一个对象

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.out(self.embed(tokens))


V, d = 10, 4
lm = TiedLM(V, d)
tokens, targets = torch.tensor([1, 2, 3]), torch.tensor([2, 3, 4])
F.cross_entropy(lm(tokens), targets).backward()
# 不绑定的对照：两份数值相同的独立矩阵
E = lm.embed.weight.detach().clone().requires_grad_()
W = lm.embed.weight.detach().clone().requires_grad_()
F.cross_entropy(F.linear(F.embedding(tokens, E), W), targets).backward()

# 检查：共享时参数只有一份，梯度 = 两处独立拷贝的梯度之和
assert model[0] is model[2] and len(list(model.parameters())) == 2
torch.testing.assert_close(shared.weight.grad, twin[0].weight.grad + twin[2].weight.grad)
torch.testing.assert_close(shared.bias.grad, twin[0].bias.grad + twin[2].bias.grad)
# 检查：绑定后是同一个对象，parameters() 去重后只有 V×d 个参数
assert lm.out.weight is lm.embed.weight
assert sum(p.numel() for p in lm.parameters()) == V * d
# 检查：state_dict 里两个名字都在，但指向同一块内存
sd = lm.state_dict()
assert sd["embed.weight"].data_ptr() == sd["out.weight"].data_ptr()
# 检查：绑定权重的梯度 = 嵌入路径的梯度 + 输出层路径的梯度
torch.testing.assert_close(lm.embed.weight.grad, E.grad + W.grad)
