"""WordPiece（BERT）的编码：词内后续片段带 ## 前缀，从左到右贪心取最长匹配；
整词切不出时整词变 [UNK]。
手写版与 tokenizers.models.WordPiece 用同一张词表，结果逐个相同。"""

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

vocab = [
    "[UNK]",
    "[CLS]",
    "[SEP]",
    "un",
    "##aff",
    "##able",
    "##a",
    "##ff",
    "aff",
    "able",
    "play",
    "##ing",
    "##s",
]
vocab += list("abcdefghijklmnopqrstuvwxyz") + ["##" + c for c in "abcdefghijklmnopqrstuvwxyz"]


def wordpiece(word: str, vocab: set[str]) -> list[str]:
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:  # 从最长的候选开始往短里试
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                break
            end -= 1
        if end == start:  # 连一个字符都匹配不上：整个词都变成 [UNK]
            return ["[UNK]"]
        pieces.append(piece)
        start = end
    return pieces


tok = Tokenizer(models.WordPiece({t: i for i, t in enumerate(vocab)}, unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
V = set(vocab)
for word in ["unaffable", "playing", "plays", "unable", "affable", "abc", "play无", "xyz"]:
    assert wordpiece(word, V) == tok.encode(word).tokens, word
print(wordpiece("unaffable", V), wordpiece("playing", V), wordpiece("play无", V))
# > ['un', '##aff', '##able'] ['play', '##ing'] ['[UNK]']

# 贪心最长匹配不一定给出片段最少的切分："abcde" 先吃掉最长的 abc，只能再接 ##d ##e（3 片），
# 而 ab ##cde 只要 2 片
small = {"ab", "abc", "##cd", "##cde", "##d", "##e", "[UNK]"}
tok2 = Tokenizer(models.WordPiece({t: i for i, t in enumerate(sorted(small))}, unk_token="[UNK]"))
print(wordpiece("abcde", small), tok2.encode("abcde").tokens)
# > ['abc', '##d', '##e'] ['abc', '##d', '##e']


def fewest_pieces(word: str, vocab: set[str]) -> int:
    """动态规划：片段最少的合法切分有几片（用来对照贪心）。"""
    best = [0] + [10**9] * len(word)
    for j in range(1, len(word) + 1):
        for i in range(j):
            piece = word[i:j] if i == 0 else "##" + word[i:j]
            if piece in vocab:
                best[j] = min(best[j], best[i] + 1)
    return best[-1]


assert fewest_pieces("abcde", small) == 2 < len(wordpiece("abcde", small))

# 训练：tokenizers 的 WordPieceTrainer 内部用的就是 BPE 的“按频次合并”，
# 和带 ## 前缀的 BpeTrainer 学出同一批词元（编号顺序可能不同）
text = "hug pug pun bun hugs hugs hug pug hug bun hugs pun"
wp = Tokenizer(models.WordPiece(unk_token="[UNK]"))
bpe = Tokenizer(models.BPE(unk_token="[UNK]", continuing_subword_prefix="##"))
for t, tr in [(wp, trainers.WordPieceTrainer), (bpe, trainers.BpeTrainer)]:
    t.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    kw = {"vocab_size": 25, "show_progress": False, "special_tokens": ["[UNK]"]}
    t.train_from_iterator([text], trainer=tr(continuing_subword_prefix="##", **kw))
assert set(wp.get_vocab()) == set(bpe.get_vocab())
print(sorted(t for t in wp.get_vocab() if len(t.strip("#")) > 1 and t[0] != "["))
# > ['##ug', '##un', 'bun', 'hug', 'hugs', 'pug', 'pun']
