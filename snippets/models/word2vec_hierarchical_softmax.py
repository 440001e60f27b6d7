"""层次 softmax：按词频建一棵哈夫曼树，P(w | c) = 路径上各内部节点 σ(±n_j·v_c) 的连乘。
所有叶子的概率之和恰好为 1；每个词的损失是路径上几个二分类的 BCE；高频词路径短。"""

import heapq

import torch
import torch.nn.functional as F

torch.manual_seed(0)
words = ["的", "是", "猫", "狗", "鱼", "骨头"]
counts = [50, 30, 10, 5, 3, 2]
V, d = len(words), 4

# 哈夫曼树：每次合并频次最小的两个节点。叶子编号 0..V-1，内部节点编号 V..2V-2
heap = [(n, i) for i, n in enumerate(counts)]  # (频次, 节点编号)
heapq.heapify(heap)
children = {}
while len(heap) > 1:
    n1, a = heapq.heappop(heap)
    n2, b = heapq.heappop(heap)
    node = V + len(children)
    children[node] = (a, b)
    heapq.heappush(heap, (n1 + n2, node))
root = heap[0][1]

# 每个叶子（词）的路径：[(内部节点序号 j, 方向)]，往左走方向 +1，往右走 -1
paths: dict[int, list[tuple[int, float]]] = {}
stack = [(root, [])]
while stack:
    node, path = stack.pop()
    if node < V:
        paths[node] = path
    else:
        left, right = children[node]
        stack.append((left, [*path, (node - V, 1.0)]))
        stack.append((right, [*path, (node - V, -1.0)]))
codes = {words[w]: "".join("0" if s > 0 else "1" for _, s in paths[w]) for w in range(V)}
print(codes)
# > {'的': '0', '是': '11', '猫': '100', '狗': '1010', '鱼': '10111', '骨头': '10110'}

N = 0.5 * torch.randn(V - 1, d)  # V-1 个内部节点各有一个向量 n_j（代替 V 个输出向量）
v_c = torch.randn(d)  # 中心词的输入向量


def hs_prob(w: int, v: torch.Tensor) -> torch.Tensor:
    """P(w | c) = Π_j σ(方向_j · n_j·v)，只算路径上的 len(path) 个节点。"""
    idx = torch.tensor([j for j, _ in paths[w]])
    sign = torch.tensor([s for _, s in paths[w]])
    return torch.sigmoid(sign * (N[idx] @ v)).prod()


P = torch.stack([hs_prob(w, v_c) for w in range(V)])
print([round(x, 3) for x in P.tolist()])
# > [0.278, 0.654, 0.041, 0.025, 0.001, 0.002]

# 路径长度：按词频加权的平均值，与词频分布的熵（比特）比较
lengths = [len(paths[w]) for w in range(V)]
f = torch.tensor(counts, dtype=torch.float64) / sum(counts)
avg_len = (f * torch.tensor(lengths)).sum().item()
H_bits = -(f * f.log2()).sum().item()
print(lengths, f"平均路径长度 {avg_len:.2f}，熵 {H_bits:.2f} 比特")
# > [1, 2, 3, 4, 5, 5] 平均路径长度 1.85，熵 1.83 比特

# 检查 1：每个内部节点把概率按 σ(x) + σ(-x) = 1 分给左右两棵子树，所以所有叶子的概率之和为 1
torch.testing.assert_close(P.sum(), torch.tensor(1.0))
for v in torch.randn(3, d):  # 换任意中心词向量都成立，不需要对整个词表求和来归一化
    torch.testing.assert_close(sum(hs_prob(w, v) for w in range(V)), torch.tensor(1.0))
# 检查 2：-log P(w | c) = 路径上各节点二分类（标签：往左为 1）的 BCE 之和
w = words.index("猫")
idx = torch.tensor([j for j, _ in paths[w]])
labels = torch.tensor([(s + 1) / 2 for _, s in paths[w]])
bce = F.binary_cross_entropy_with_logits(N[idx] @ v_c, labels, reduction="sum")
torch.testing.assert_close(-torch.log(P[w]), bce)
# 检查 3：哈夫曼编码让高频词路径短；按词频加权的平均路径长度 L 满足 H ≤ L < H + 1（H 是词频的熵，
#         以比特计），这里也小于平衡二叉树的 ceil(log2 V) = 3
assert lengths == sorted(lengths)  # words 已按词频从高到低排好
assert H_bits <= avg_len < H_bits + 1 and avg_len < 3
