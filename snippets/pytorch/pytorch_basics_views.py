"""视图与拷贝：view、切片、转置都和原张量共用存储，通过视图原地修改会改到原张量；
.T 之后不再连续，view 会报错，reshape 在必要时复制，contiguous() 复制出一份连续的。"""

import torch

x = torch.arange(6.0)  # 存储：0 1 2 3 4 5
v = x.view(2, 3)  # 视图：同一块存储，只换一套形状和步长
v[0, 0] = 100.0  # 通过视图原地修改
x[1:3].mul_(10)  # 切片也是视图
print(x.tolist())
# > [100.0, 10.0, 20.0, 3.0, 4.0, 5.0]

# 步长（stride）：沿某一维走一步，在存储里要跳过几个元素
print(v.stride(), v.T.stride(), v.T.is_contiguous())
# > (3, 1) (1, 3) False

# 转置后不连续：view 要求步长“可以合并”，失败；reshape 会退而复制
view_failed = False
try:
    v.T.view(6)
except RuntimeError:
    view_failed = True
r_view = v.reshape(3, 2)  # 连续张量：reshape 返回视图
r_copy = v.T.reshape(6)  # 不连续：reshape 复制
r_copy[0] = -1.0  # 改拷贝不影响 x
c = v.T.contiguous()  # 复制成按行连续的新张量

# 元素位置 = offset + Σ 下标 × 步长：v.T[2, 1] 在存储里的位置
i, j = 2, 1
pos = i * v.T.stride(0) + j * v.T.stride(1)

# 检查：视图与原张量共用存储，_base 指回原张量
assert v._base is x and v.data_ptr() == x.data_ptr()
assert x[0] == 100.0 and x[1] == 10.0
# 检查：连续张量的步长 stride[k] = 后面各维大小之积；转置交换了步长
assert v.stride() == (3, 1) and v.T.stride() == (1, 3)
assert view_failed
# 检查：reshape 能不复制就不复制
assert r_view.data_ptr() == x.data_ptr()
assert r_copy.data_ptr() != x.data_ptr() and x[0] == 100.0
# 检查：contiguous() 数值不变、步长变成连续的
assert torch.equal(c, v.T) and c.is_contiguous() and c.stride() == (2, 1)
assert v.is_contiguous() and v.contiguous() is v  # 已经连续时直接返回自身
# 检查：按步长算出的位置确实存着 v.T[2, 1]
assert x[pos] == v.T[i, j]
