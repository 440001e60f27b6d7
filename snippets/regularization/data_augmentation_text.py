"""文本的简单增强（EDA，Wei 与 Zou 2019）：同义词替换、随机插入、随机交换、随机删除，
作用在分好的词上；随机性都来自一个带种子的 torch.Generator。"""

import torch

torch.manual_seed(0)
g = torch.Generator().manual_seed(0)
synonyms = {"电影": ["影片"], "好看": ["精彩", "不错"], "非常": ["十分", "特别"]}
tokens = ["这部", "电影", "非常", "好看", "，", "强烈", "推荐"]


def pick(seq: list, g: torch.Generator):
    return seq[torch.randint(len(seq), (1,), generator=g).item()]


def synonym_replace(tokens: list[str], n: int, g: torch.Generator) -> list[str]:
    out = list(tokens)
    candidates = [i for i, t in enumerate(out) if t in synonyms]
    for k in torch.randperm(len(candidates), generator=g)[:n].tolist():
        i = candidates[k]
        out[i] = pick(synonyms[out[i]], g)
    return out


def random_insert(tokens: list[str], g: torch.Generator) -> list[str]:
    word = pick([t for t in tokens if t in synonyms], g)  # 随便取一个有同义词的词
    pos = torch.randint(len(tokens) + 1, (1,), generator=g).item()
    return [*tokens[:pos], pick(synonyms[word], g), *tokens[pos:]]


def random_swap(tokens: list[str], g: torch.Generator) -> list[str]:
    out = list(tokens)
    i, j = torch.randperm(len(out), generator=g)[:2].tolist()
    out[i], out[j] = out[j], out[i]
    return out


def random_delete(tokens: list[str], p: float, g: torch.Generator) -> list[str]:
    keep = torch.rand(len(tokens), generator=g) >= p
    return [t for t, k in zip(tokens, keep.tolist(), strict=True) if k] or [pick(tokens, g)]


def is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(t in it for t in short)


sr = synonym_replace(tokens, 2, g)
ri = random_insert(tokens, g)
rs = random_swap(tokens, g)
rd = random_delete(tokens, 0.3, g)
for name, out in [("替换", sr), ("插入", ri), ("交换", rs), ("删除", rd)]:
    print(name, " ".join(out))
# > 替换 这部 影片 非常 不错 ， 强烈 推荐
# > 插入 这部 电影 非常 特别 好看 ， 强烈 推荐
# > 交换 这部 电影 好看 非常 ， 强烈 推荐
# > 删除 非常 好看 ，

# 增强也可能改掉标签：否定句随机删词时，“不”被删掉的概率就是 p，意思随之反转
neg = ["这部", "电影", "不", "好看"]
flipped = sum("不" not in random_delete(neg, 0.3, g) for _ in range(2000)) / 2000
print(f"“不”被删掉的比例 {flipped:.3f}")
# > “不”被删掉的比例 0.297

# 检查 1：同义词替换长度不变，被换掉的词都换成了它的同义词
assert len(sr) == len(tokens)
assert all(a == b or b in synonyms.get(a, []) for a, b in zip(tokens, sr, strict=True))
# 检查 2：插入多一个词，原句是新句的子序列；交换只改顺序，不改词的多重集合
assert len(ri) == len(tokens) + 1 and is_subsequence(tokens, ri)
assert sorted(rs) == sorted(tokens) and rs != tokens
# 检查 3：删除后是原句的子序列（顺序保持），至少留一个词
assert 1 <= len(rd) <= len(tokens) and is_subsequence(rd, tokens)
# 检查 4：约 30% 的“增强”样本把差评变成了“这部 电影 好看”一类的句子，标签却还是差评
assert abs(flipped - 0.3) < 0.03
