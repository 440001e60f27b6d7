"""MLM 的遮盖：选 15% 的词，其中 80% 换成 [MASK]、10% 随机词、10% 不变；只在选中处算损失。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
g = torch.Generator().manual_seed(0)  # 遮盖用的随机数单独一个生成器，便于复现
PAD, CLS, SEP, MASK = 0, 2, 3, 4  # 0–4 是特殊符号，5 以后是普通词
V, B, T = 50, 128, 256

# 玩具语料：每条 [CLS] 词 … [SEP]，后面补 [PAD]
input_ids = torch.randint(5, V, (B, T), generator=g)
lengths = torch.randint(T // 2, T + 1, (B,), generator=g)
pos = torch.arange(T)
input_ids[pos >= lengths[:, None]] = PAD
input_ids[:, 0] = CLS
input_ids[torch.arange(B), lengths - 1] = SEP
special = input_ids < 5  # 特殊符号不参与遮盖


def mask_tokens(ids: torch.Tensor, special: torch.Tensor, p: float = 0.15):
    prob = torch.full(ids.shape, p)
    prob[special] = 0.0
    selected = torch.bernoulli(prob, generator=g).bool()  # 要预测的位置
    labels = ids.clone()
    labels[~selected] = -100  # 没选中的位置不算损失
    u = torch.rand(ids.shape, generator=g)  # 一个均匀随机数决定三种处理
    to_mask = selected & (u < 0.8)
    to_random = selected & (u >= 0.8) & (u < 0.9)
    inputs = ids.clone()
    inputs[to_mask] = MASK
    random_words = torch.randint(5, V, ids.shape, generator=g)  # 随机普通词（偶尔恰好等于原词）
    inputs[to_random] = random_words[to_random]
    return inputs, labels, selected, to_mask, to_random


inputs, labels, selected, to_mask, to_random = mask_tokens(input_ids, special)
to_keep = selected & ~to_mask & ~to_random
n_sel = selected.sum().item()
frac_sel = n_sel / (~special).sum().item()
frac_mask, frac_rand, frac_keep = (m.sum().item() / n_sel for m in (to_mask, to_random, to_keep))
print(
    f"选中 {frac_sel:.3f}；其中 [MASK] {frac_mask:.3f}，随机 {frac_rand:.3f}，不变 {frac_keep:.3f}"
)
# > 选中 0.149；其中 [MASK] 0.806，随机 0.099，不变 0.095

# 假装这是模型在前 8 条序列每个位置输出的 logits
ids8, labels8, sel8 = input_ids[:8], labels[:8], selected[:8]
logits = torch.randn(8, T, V, requires_grad=True)
loss = F.cross_entropy(logits.view(-1, V), labels8.reshape(-1), ignore_index=-100)
loss.backward()

# 检查 1：比例在统计误差之内（约 2.4 万个普通词，容差约 4 倍标准差）
assert abs(frac_sel - 0.15) < 0.01
assert abs(frac_mask - 0.8) < 0.03
assert abs(frac_rand - 0.1) < 0.02 and abs(frac_keep - 0.1) < 0.02
# 检查 2：特殊符号从不被选中；没选中的位置输入不变、标签为 -100；选中的位置标签是原词
assert not (selected & special).any()
assert torch.equal(inputs[~selected], input_ids[~selected])
assert (labels[~selected] == -100).all()
assert torch.equal(labels[selected], input_ids[selected])
assert (inputs[to_mask] == MASK).all() and torch.equal(inputs[to_keep], input_ids[to_keep])
# 检查 3：ignore_index 的效果 = 只在选中位置上取 -log p(原词) 的平均
log_p = F.log_softmax(logits.detach(), dim=-1)
manual = -log_p[sel8, ids8[sel8]].mean()
torch.testing.assert_close(loss.detach(), manual)
# 检查 4：没选中的位置梯度恰好为 0，改动它们的 logits 损失不变
assert (logits.grad[~sel8] == 0).all() and (logits.grad[sel8] != 0).all()
changed = logits.detach().clone()
changed[~sel8] += 5 * torch.randn(int((~sel8).sum()), V)
loss2 = F.cross_entropy(changed.view(-1, V), labels8.reshape(-1))  # ignore_index 默认就是 -100
torch.testing.assert_close(loss2, loss.detach())
