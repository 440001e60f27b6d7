"""张量的创建、dtype 与形状：浮点默认 float32、整数默认 int64；运算时按规则自动提升类型。"""

import torch

torch.manual_seed(0)

# 1) 从 Python 数据创建：dtype 由数据推断
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
i = torch.tensor([1, 2, 3])
m = torch.tensor([True, False])
print(a.dtype, i.dtype, m.dtype)
# > torch.float32 torch.int64 torch.bool

# 2) 常用的工厂函数
Z = torch.zeros(2, 3)
ones = torch.ones_like(a)  # 形状、dtype 都照抄 a
r = torch.arange(0, 10, 2)  # 整数起止步长 → int64
grid = torch.linspace(0, 1, 5)  # 含两端的 5 个等距点
X = torch.randn(4, 3)  # 标准正态随机数
E = torch.eye(3)
C = torch.full((2, 2), 7.0)

# 3) 形状：shape、维数、元素个数
print(a.shape, a.ndim, a.numel())
# > torch.Size([2, 3]) 2 6

# 4) 转换 dtype：.to(dtype) 或 .double() / .float() / .long() 等简写
a64 = a.double()
t = torch.tensor([-1.7, 1.7]).to(torch.int64)  # 浮点转整数：向 0 截断

# 5) 类型提升：int64 与 float32 运算得 float32；整数用 / 相除得浮点，用 // 仍是整数
print((i + a[0]).dtype, (i / 2).dtype, (i // 2).dtype)
# > torch.float32 torch.float32 torch.int64

# 检查：默认浮点类型是 float32，每个元素 4 字节；float64 是 8 字节
assert torch.get_default_dtype() == torch.float32
assert a.element_size() == 4 and a64.element_size() == 8 and a64.dtype == torch.float64
# 检查：工厂函数的结果
assert Z.shape == (2, 3) and Z.sum() == 0 and torch.equal(ones, torch.ones(2, 3))
assert r.tolist() == [0, 2, 4, 6, 8] and r.dtype == torch.int64
torch.testing.assert_close(grid, torch.tensor([0.0, 0.25, 0.5, 0.75, 1.0]))
assert X.shape == (4, 3) and X.dtype == torch.float32
torch.testing.assert_close(E @ a.T, a.T)  # 单位矩阵乘任何矩阵不变
assert C.unique().tolist() == [7.0]
assert t.tolist() == [-1, 1]
# 检查：类型提升与 torch.promote_types 给出的规则一致
assert torch.promote_types(torch.int64, torch.float32) == (i + a[0]).dtype
