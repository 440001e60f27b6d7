"""交叉验证的信息泄漏：在全部数据上先挑特征再做交叉验证，连随机标签都能得到很高的“准确率”；挑特征必须放在每一折的训练部分里做。"""

import torch

torch.manual_seed(0)
n, p, n_keep, K = 60, 2000, 20, 5


def make_data() -> tuple[torch.Tensor, torch.Tensor]:
    X = torch.randn(n, p)
    y = torch.arange(n) % 2  # 标签与 X 完全无关：任何方法的真实准确率都是 50%
    return X, y[torch.randperm(n)]


def top_features(X: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """按与标签的相关系数绝对值挑出前 n_keep 个特征（一个“数据驱动”的预处理步骤）。"""
    Xc, yc = X - X.mean(dim=0), (y.float() - y.float().mean())
    corr = (Xc * yc[:, None]).sum(dim=0) / (Xc.norm(dim=0) * yc.norm())
    return corr.abs().topk(n_keep).indices


def nearest_centroid_acc(
    X_tr: torch.Tensor, y_tr: torch.Tensor, X_va: torch.Tensor, y_va: torch.Tensor
) -> float:
    """最近类中心分类器：离哪一类训练样本的均值近，就判为哪一类。"""
    centroids = torch.stack([X_tr[y_tr == c].mean(dim=0) for c in (0, 1)])
    pred = torch.cdist(X_va, centroids).argmin(dim=1)
    return (pred == y_va).float().mean().item()


def cross_validate(X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """返回（先在全部数据上挑特征再交叉验证，在每一折的训练部分里挑特征）的平均准确率。"""
    folds = torch.tensor_split(torch.randperm(n), K)
    feats_all = top_features(X, y)  # 错误：用全部数据（包括各折的验证样本）挑特征
    acc_leak, acc_ok = [], []
    for k in range(K):
        tr, va = torch.cat(folds[:k] + folds[k + 1 :]), folds[k]
        acc_leak.append(
            nearest_centroid_acc(X[tr][:, feats_all], y[tr], X[va][:, feats_all], y[va])
        )
        feats = top_features(X[tr], y[tr])  # 正确：只用这一折的训练部分挑特征
        acc_ok.append(nearest_centroid_acc(X[tr][:, feats], y[tr], X[va][:, feats], y[va]))
    return sum(acc_leak) / K, sum(acc_ok) / K


X, y = make_data()
leak, ok = cross_validate(X, y)
print(f"先挑特征再交叉验证：{leak:.2f}；在每一折里挑特征：{ok:.2f}")
# > 先挑特征再交叉验证：0.92；在每一折里挑特征：0.55
# 再换 5 份新的随机数据重复，结论不变
repeats = [cross_validate(*make_data()) for _ in range(5)]

# 检查 1：相关系数的计算与 torch.corrcoef 一致
j = int(top_features(X, y)[0])
r = torch.corrcoef(torch.stack([X[:, j], y.float()]))[0, 1]
Xc, yc = X[:, j] - X[:, j].mean(), y.float() - y.float().mean()
torch.testing.assert_close(r, (Xc * yc).sum() / (Xc.norm() * yc.norm()))
# 检查 2：6 份数据上，泄漏的做法都给出 0.85 以上的虚假准确率；
#         正确的做法都在 0.7 以下，平均在 50% 附近
results = [(leak, ok), *repeats]
assert all(a > 0.85 for a, _ in results) and all(b < 0.7 for _, b in results)
assert abs(sum(b for _, b in results) / len(results) - 0.5) < 0.1
