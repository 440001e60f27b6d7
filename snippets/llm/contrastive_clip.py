"""CLIP：对称损失（图→文、文→图取平均）对照逐项手算；logit 缩放的截断；零样本分类。"""

import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, d = 6, 8  # 一批 N 个图文对
img = F.normalize(torch.randn(N, d, dtype=torch.float64), dim=1)  # L2 归一化后的图像嵌入
txt = F.normalize(
    img + 0.3 * torch.randn(N, d, dtype=torch.float64), dim=1
)  # 第 i 段文字配第 i 张图

# 温度按对数参数化：logit_scale = log(1/τ)，初始 τ = 0.07
logit_scale = torch.nn.Parameter(torch.tensor(math.log(1 / 0.07), dtype=torch.float64))


def clip_loss(img, txt, logit_scale):
    logits = logit_scale.exp() * img @ txt.T  # [N, N]，第 i 行：第 i 张图对所有文字
    labels = torch.arange(len(img))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2


loss = clip_loss(img, txt, logit_scale)

# 手算：逐对余弦相似度，行方向（图→文）与列方向（文→图）各做一次 softmax
scale = 1 / 0.07
cos = [
    [sum(img[i, t].item() * txt[j, t].item() for t in range(d)) for j in range(N)] for i in range(N)
]
i2t = (
    -sum(
        scale * cos[i][i] - math.log(sum(math.exp(scale * cos[i][j]) for j in range(N)))
        for i in range(N)
    )
    / N
)
t2i = (
    -sum(
        scale * cos[j][j] - math.log(sum(math.exp(scale * cos[i][j]) for i in range(N)))
        for j in range(N)
    )
    / N
)
assert abs(loss.item() - (i2t + t2i) / 2) < 1e-10
assert abs(i2t - t2i) > 1e-3  # 两个方向的损失一般不相等，所以要两边都算
print(f"图→文 {i2t:.4f}，文→图 {t2i:.4f}，CLIP 损失 {loss.item():.4f}")
# > 图→文 0.1252，文→图 0.1215，CLIP 损失 0.1233

# 归一化后余弦 ∈ [-1, 1]，logit 的绝对值不超过缩放因子，温度才真正决定 softmax 有多尖
assert (logit_scale.exp() * img @ txt.T).abs().max() <= logit_scale.exp()

# 一步很大的更新把 logit_scale 推到 log(100) 以上，训练时截断回去：缩放因子最多 100，即 τ ≥ 0.01
opt = torch.optim.SGD([logit_scale], lr=30.0)
clip_loss(
    img, txt, logit_scale
).backward()  # 正样本的相似度已是每行最大：放大缩放因子能继续降低损失
assert logit_scale.grad < 0
opt.step()
print(f"更新后 exp(logit_scale) = {logit_scale.exp().item():.0f}")
# > 更新后 exp(logit_scale) = 170
assert logit_scale.exp() > 100
with torch.no_grad():
    logit_scale.clamp_(0, math.log(100))
print(f"截断后 exp(logit_scale) = {logit_scale.exp().item():.1f}")
# > 截断后 exp(logit_scale) = 100.0
assert abs(logit_scale.exp().item() - 100) < 1e-9

# 零样本分类：把每个类别的提示（如“a photo of a {类名}”）编码成文本嵌入，取余弦最大的类别
classes = F.normalize(torch.randn(4, d, dtype=torch.float64), dim=1)  # 4 个类别提示的文本嵌入
true = torch.tensor([0, 1, 2, 3, 0, 1, 2, 3])
images = F.normalize(classes[true] + 0.5 * torch.randn(8, d, dtype=torch.float64), dim=1)
probs = (100 * images @ classes.T).softmax(dim=1)  # 与训练时同一个 logit，只是“文字”换成了类别提示
pred = probs.argmax(dim=1)
# 对照：单位向量上 ||a - b||² = 2 - 2cos，余弦最大等价于欧氏距离最小
torch.testing.assert_close(pred, torch.cdist(images, classes).argmin(dim=1))
print(f"预测 {pred.tolist()}，真实 {true.tolist()}")
# > 预测 [0, 2, 2, 3, 1, 1, 2, 3]，真实 [0, 1, 2, 3, 0, 1, 2, 3]
