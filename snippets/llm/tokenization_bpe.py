"""手写 BPE（Sennrich 等 2016）：在一个小语料上逐步合并最高频的相邻符号对，
合并表与 tokenizers 库的 BpeTrainer 逐条相同（同频时按符号编号打破平局），新词的切分也相同。"""

import json
from collections import Counter
from itertools import pairwise

from tokenizers import Tokenizer, models, pre_tokenizers, trainers


def train_bpe(words: Counter, num_merges: int) -> list[tuple[str, str]]:
    # 基础符号 = 语料里出现的全部字符，按码位排序编号；每个新符号的编号排在后面
    ids = {c: i for i, c in enumerate(sorted({c for w in words for c in w}))}
    splits = {w: list(w) for w in words}  # 每个词当前被切成的符号序列
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for w, freq in words.items():
            s = splits[w]
            for a, b in pairwise(s):
                pairs[a, b] += freq  # 一个词出现 freq 次，它的每个相邻对就出现 freq 次
        if not pairs:
            break
        # 频次最高者胜；同频时取 (左符号编号, 右符号编号) 最小的，与 tokenizers 的规则一致
        a, b = min(pairs, key=lambda p: (-pairs[p], ids[p[0]], ids[p[1]]))
        merges.append((a, b))
        ids[a + b] = len(ids)
        for w, s in splits.items():  # 在每个词里从左到右合并所有 (a, b)
            out, i = [], 0
            while i < len(s):
                if i + 1 < len(s) and (s[i], s[i + 1]) == (a, b):
                    out.append(a + b)
                    i += 2
                else:
                    out.append(s[i])
                    i += 1
            splits[w] = out
    return merges


def encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """对新词按合并的先后（秩）反复应用：每次合并秩最小的相邻对。"""
    rank = {m: r for r, m in enumerate(merges)}
    s = list(word)
    while True:
        cands = [(rank[p], i) for i, p in enumerate(pairwise(s)) if p in rank]
        if not cands:
            return s
        _, i = min(cands)
        s[i : i + 2] = [s[i] + s[i + 1]]


def library_bpe(text: str, vocab_size: int) -> Tokenizer:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()  # 只按空白切词，和手写版一样
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, show_progress=False)
    tok.train_from_iterator([text], trainer=trainer)
    return tok


corpus = (
    "low low low low low lower lower newest newest newest newest newest newest widest widest widest"
)
words = Counter(corpus.split())
merges = train_bpe(words, 10)
print(merges[:5])
# > [('e', 's'), ('es', 't'), ('l', 'o'), ('lo', 'w'), ('e', 'w')]

n_chars = len({c for w in words for c in w})
tok = library_bpe(corpus, vocab_size=n_chars + 10)  # 词表 = 字符表 + 10 次合并
lib_merges = [tuple(m) for m in json.loads(tok.to_str())["model"]["merges"]]
assert lib_merges == merges  # 合并表逐条一致

for new in ["lowest", "newer", "wider", "slow"]:  # 训练语料里没有的词
    assert encode(new, merges) == tok.encode(new).tokens
print(encode("lowest", merges), encode("wider", merges))
# > ['low', 'est'] ['w', 'i', 'd', 'e', 'r']

# 平局很常见：上面第 1 步 (e, s)、(s, t) 都出现 9 次（直接数子串核对）。
assert sum(x.count("es") for x in corpus.split()) == sum(x.count("st") for x in corpus.split()) == 9
# 换成“按字符串字典序”打破平局，
# 或者换一个更大、平局更多的语料，都要与库逐条对上才算规则找对了
texts = [
    corpus,
    "the cat sat on the mat the hat is on the cat that sat",
    "aaabdaaabac abab baba aabb abba " * 3,
    "hug pug pun bun hugs hugs hug pug hug bun hugs pun",
]
for text in texts:
    w = Counter(text.split())
    alphabet = len({c for x in w for c in x})
    for k in (1, 5, 15, 30):
        lib = library_bpe(text, alphabet + k)
        ref = [tuple(m) for m in json.loads(lib.to_str())["model"]["merges"]]
        assert train_bpe(w, k) == ref  # 能合并的对用完时两边都提前停，条数也相同
        for word in w:
            assert encode(word, ref) == lib.encode(word).tokens


def train_lexicographic(words: Counter, num_merges: int) -> list[tuple[str, str]]:
    """反例：同频时按字符串字典序取最小的对。"""
    splits, merges = {w: list(w) for w in words}, []
    for _ in range(num_merges):
        pairs = Counter()
        for w, freq in words.items():
            for p in pairwise(splits[w]):
                pairs[p] += freq
        a, b = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append((a, b))
        splits = {w: list(encode(w, merges)) for w in words}
    return merges


w = Counter(texts[2].split())
lex = train_lexicographic(w, 8)
lib8 = library_bpe(texts[2], len({c for x in w for c in x}) + 8)
lib8_merges = [tuple(m) for m in json.loads(lib8.to_str())["model"]["merges"]]
assert train_bpe(w, 8) == lib8_merges != lex  # 库按编号打破平局，不按字符串
print(lex == lib8_merges)
# > False

# 合并越多，整份语料的词元数越少（严格单调），与库在每个词表大小上的编码长度相同
lengths = []
for k in range(13):  # 12 次合并后每个词都成了一个词元，再没有可合并的对
    m = train_bpe(words, k)
    n = sum(freq * len(encode(x, m)) for x, freq in words.items())
    assert n == len(library_bpe(corpus, n_chars + k).encode(corpus).ids)
    lengths.append(n)
print(lengths)
# > [79, 70, 61, 54, 47, 41, 35, 29, 26, 23, 20, 18, 16]
assert all(a > b for a, b in pairwise(lengths))
assert lengths[0] == len(corpus.replace(" ", "")) and lengths[-1] == len(corpus.split())

# 词表相同、合并顺序不同的两个 BPE，会把同一个词切得不一样（用库的 BPE 模型直接构造）
vocab = {"a": 0, "b": 1, "c": 2, "ab": 3, "bc": 4}
first_ab = Tokenizer(models.BPE(vocab, [("a", "b"), ("b", "c")]))
first_bc = Tokenizer(models.BPE(vocab, [("b", "c"), ("a", "b")]))
print(first_ab.encode("abc").tokens, first_bc.encode("abc").tokens)
# > ['ab', 'c'] ['a', 'bc']
assert encode("abc", [("a", "b"), ("b", "c")]) == first_ab.encode("abc").tokens
