"""类别数不同时换掉分类头：直接加载整个 state_dict 会因形状不符报错；
先加载预训练权重再替换头，或者去掉头的权重、用 strict=False 加载，主干权重都原样保留。"""

import torch
from torch import nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self, num_classes: int) -> None:
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(16, 32), nn.ReLU())
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.backbone(x))


def try_load(model: nn.Module, state_dict: dict) -> str:
    try:
        model.load_state_dict(state_dict)
    except RuntimeError as err:
        return str(err)
    return "ok"


pretrained = Net(num_classes=10).state_dict()  # 假装这是 10 类源任务上训练好的权重

# 做法 0（错误）：直接把 10 类的权重加载进 4 类的模型
message_wrong = try_load(Net(num_classes=4), pretrained)

# 做法 1：建成源任务的结构、加载全部权重，再把头换成新的 4 类线性层
model_a = Net(num_classes=10)
message_a = try_load(model_a, pretrained)
model_a.fc = nn.Linear(model_a.fc.in_features, 4)  # 新头随机初始化

# 做法 2：去掉头的权重，strict=False 加载，看清楚哪些键没加载
backbone_only = {k: v for k, v in pretrained.items() if not k.startswith("fc.")}
model_b = Net(num_classes=4)
result = model_b.load_state_dict(backbone_only, strict=False)
print(result.missing_keys, result.unexpected_keys)
# > ['fc.weight', 'fc.bias'] []

X = torch.randn(5, 16)
# 检查：直接加载报形状不符的错误；按源任务结构加载则成功
assert "size mismatch for fc.weight" in message_wrong
assert message_a == "ok"
# 检查：两种做法的主干都与预训练权重逐位相同，输出都是 4 类
for model in (model_a, model_b):
    for k, v in model.backbone.state_dict().items():
        assert torch.equal(v, pretrained["backbone." + k])
    assert model(X).shape == (5, 4)
