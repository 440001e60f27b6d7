"""统计量只在训练集上算（fit），再原样用到验证集和测试集（transform）。
用全部数据算统计量会让测试集的信息泄漏进预处理。"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)


class Standardizer:
    """z-score 标准化：fit 记下训练集的均值和标准差，transform 只用记下的值。"""

    def fit(self, X: torch.Tensor) -> "Standardizer":
        self.mean = X.mean(dim=0)
        self.std = X.std(dim=0, correction=0)
        return self

    def transform(self, X: torch.Tensor) -> torch.Tensor:
        return (X - self.mean) / self.std

    def inverse_transform(self, Z: torch.Tensor) -> torch.Tensor:
        return Z * self.std + self.mean


# 1000 个样本，打乱后按 70% / 15% / 15% 划分训练集、验证集、测试集
X = torch.randn(1000, 4) * torch.tensor([1.0, 10.0, 100.0, 0.1]) + torch.tensor([0.0, 5.0, 50, 1])
perm = torch.randperm(len(X))
X_train, X_val, X_test = X[perm[:700]], X[perm[700:850]], X[perm[850:]]

scaler = Standardizer().fit(X_train)  # 只看训练集
Z_train, Z_val, Z_test = (scaler.transform(part) for part in (X_train, X_val, X_test))
print([round(v, 2) for v in Z_test.mean(dim=0).tolist()])
# > [0.08, 0.16, -0.02, 0.06]

# 错误做法：在全部数据上 fit，测试集的样本参与了均值、标准差的计算
leaky = Standardizer().fit(X)
Z_test_leaky = leaky.transform(X_test)

# min-max 同理：测试集的值可能超出训练集的范围，变换后落在 [0, 1] 之外，这是正常的
lo, hi = X_train.min(dim=0).values, X_train.max(dim=0).values
T_test = (X_test - lo) / (hi - lo)

# 检查：训练集变换后均值 0、标准差 1；测试集只是近似，不会恰好是 0 和 1
torch.testing.assert_close(Z_train.mean(dim=0), torch.zeros(4), atol=1e-5, rtol=0)
torch.testing.assert_close(Z_train.std(dim=0, correction=0), torch.ones(4))
assert Z_test.mean(dim=0).abs().max() > 0.01
# 检查：测试集的变换用的是训练集的统计量——与 eval 模式的 F.batch_norm
# （running_mean、running_var 填训练集的均值、方差）结果一致
ref = F.batch_norm(X_test, scaler.mean, scaler.std**2, training=False, eps=0.0)
torch.testing.assert_close(Z_test, ref)
# 检查：在全部数据上 fit 会改变测试集的特征（信息泄漏）
assert not torch.allclose(Z_test_leaky, Z_test, atol=1e-3)
# 检查：逆变换还原原始数据
torch.testing.assert_close(scaler.inverse_transform(Z_test), X_test)
# 检查：按训练集范围做 min-max，测试集的值可以超出 [0, 1]
assert T_test.max() > 1
