"""torch.optim 各优化器的默认超参数（本页公式里的 γ、μ、α、ρ、β1、β2、ε、λ）。"""

import torch

w = [torch.nn.Parameter(torch.zeros(1))]
keys = ["lr", "momentum", "alpha", "rho", "betas", "eps", "weight_decay"]
names = ["SGD", "Adagrad", "RMSprop", "Adadelta", "Adam", "AdamW", "NAdam"]
defaults = {}
for name in names:
    opt = getattr(torch.optim, name)(w)  # 只用默认值构造
    defaults[name] = {k: v for k, v in opt.defaults.items() if k in keys}
    print(name, defaults[name])
# > SGD {'lr': 0.001, 'momentum': 0, 'weight_decay': 0}
# > Adagrad {'lr': 0.01, 'eps': 1e-10, 'weight_decay': 0}
# > RMSprop {'lr': 0.01, 'momentum': 0, 'alpha': 0.99, 'eps': 1e-08, 'weight_decay': 0}
# > Adadelta {'lr': 1.0, 'rho': 0.9, 'eps': 1e-06, 'weight_decay': 0}
# > Adam {'lr': 0.001, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0}
# > AdamW {'lr': 0.001, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0.01}
# > NAdam {'lr': 0.002, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0}

# 检查：Adam 的默认值就是原论文推荐的 α = 0.001、β1 = 0.9、β2 = 0.999、ε = 1e-8
assert defaults["Adam"] == {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0}
# 检查：AdamW 与 Adam 只差默认的权重衰减 0.01；Adadelta 默认 lr = 1（即原论文没有学习率的形式）
assert defaults["AdamW"] == {**defaults["Adam"], "weight_decay": 0.01}
assert defaults["Adadelta"]["lr"] == 1.0
# 检查：ε 的默认值各不相同：AdaGrad 1e-10，RMSprop、Adam 1e-8，Adadelta 1e-6
eps = {n: defaults[n]["eps"] for n in ["Adagrad", "RMSprop", "Adam", "Adadelta"]}
assert eps == {"Adagrad": 1e-10, "RMSprop": 1e-8, "Adam": 1e-8, "Adadelta": 1e-6}
# 检查：正文里提到的其他默认值：SGD 的 dampening = 0、nesterov 关闭；AdaGrad 的 lr_decay 与
# initial_accumulator_value 都是 0；RMSprop 的 centered 关闭；NAdam 的动量衰减 ψ = 0.004
full = {name: getattr(torch.optim, name)(w).defaults for name in names}
assert full["SGD"]["dampening"] == 0 and full["SGD"]["nesterov"] is False
assert full["Adagrad"]["lr_decay"] == 0 and full["Adagrad"]["initial_accumulator_value"] == 0
assert full["RMSprop"]["centered"] is False
assert full["NAdam"]["momentum_decay"] == 4e-3
