"""联合训练：教师和学生共享嵌入层、同时训练；蒸馏项对教师 logit 做 detach，教师不受学生影响。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
vocab, d, K, lam = 50, 8, 4, 0.5
embed = nn.Embedding(vocab, d)  # 共享的底层嵌入
teacher = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, K))
student = nn.Sequential(nn.Linear(d, 8), nn.ReLU(), nn.Linear(8, K))

ids = torch.randint(0, vocab, (16, 5))  # 16 个样本，每个样本 5 个特征 id
y = torch.randint(0, K, (16,))

h = embed(ids).mean(dim=1)  # 共享表示
z_t, z_s = teacher(h), student(h)
loss_t = F.cross_entropy(z_t, y)  # 教师：普通交叉熵
loss_s = F.cross_entropy(z_s, y)  # 学生：硬标签交叉熵
hint = F.mse_loss(
    z_s, z_t.detach()
)  # 学生 logit 拟合教师 logit；对教师一侧阻断梯度（stop-gradient）
loss = loss_t + loss_s + lam * hint
loss.backward(retain_graph=True)


def grads(term: torch.Tensor, params: list[torch.Tensor]) -> list[torch.Tensor]:
    return list(torch.autograd.grad(term, params, retain_graph=True))


teacher_params, student_params = list(teacher.parameters()), list(student.parameters())

# 检查 1：教师参数的梯度只来自教师自己的交叉熵，蒸馏项一点也没传过去
for p, g in zip(teacher_params, grads(loss_t, teacher_params), strict=True):
    torch.testing.assert_close(p.grad, g)
# 如果忘了 detach，蒸馏项会把教师往学生那边拉
hint_no_detach = F.mse_loss(z_s, z_t)
assert grads(hint_no_detach, teacher_params)[-1].abs().sum() > 0

# 检查 2：学生参数的梯度 = 硬标签交叉熵 + λ·蒸馏项
for p, g in zip(student_params, grads(loss_s + lam * hint, student_params), strict=True):
    torch.testing.assert_close(p.grad, g)

# 检查 3：共享嵌入层同时收到三项的梯度（各项都不为零，合起来等于总梯度）
g_parts = [grads(term, [embed.weight])[0] for term in (loss_t, loss_s, lam * hint)]
assert all(g.abs().sum() > 0 for g in g_parts)
torch.testing.assert_close(embed.weight.grad, sum(g_parts))

# 检查 4：部署时只留嵌入层 + 学生，学生部分的参数量远小于教师
n_student = sum(p.numel() for p in student_params)
n_teacher = sum(p.numel() for p in teacher_params)
assert (n_student, n_teacher) == (108, 4996)
