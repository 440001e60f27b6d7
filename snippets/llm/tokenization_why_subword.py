"""为什么用子词：词级词表遇到没见过的词只能给 [UNK]（信息丢失），字符级没有未登录词但序列最长；
子词（BPE）两头兼顾：没有 [UNK]，长度介于两者之间。三种分词器都用 tokenizers 库在同一语料上训练。"""

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

corpus = ["the lower the newer", "low lower lowest", "new newer newest", "wide wider widest"] * 5
test = "the slowest widow rides in the snow"  # slowest、widow、rides、in、snow 在训练语料里没有


def train(model, trainer) -> Tokenizer:
    tok = Tokenizer(model)
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.train_from_iterator(corpus, trainer=trainer)
    return tok


word = train(
    models.WordLevel(unk_token="[UNK]"), trainers.WordLevelTrainer(special_tokens=["[UNK]"])
)
bpe = train(
    models.BPE(unk_token="[UNK]"),
    trainers.BpeTrainer(vocab_size=40, special_tokens=["[UNK]"], show_progress=False),
)
alphabet = sorted({c for line in corpus for c in line if c != " "})
char = [c for c in test if c != " "]  # 字符级：每个字符一个词元

w, b = word.encode(test).tokens, bpe.encode(test).tokens
print(w)
# > ['the', '[UNK]', '[UNK]', '[UNK]', '[UNK]', 'the', '[UNK]']
print(" ".join(b))
# > the s lowest w i d o w r ide s i n the s n o w
print(len(w), len(b), len(char))
# > 7 18 29
assert "[UNK]" in w and "[UNK]" not in b  # 词级丢了 5 个词，BPE 一个不丢
assert set(char) <= set(alphabet)  # 字符级也没有未登录词……
assert len(w) < len(b) < len(char)  # ……但序列最长
assert "".join(b) == test.replace(" ", "")  # BPE 的片段拼回去就是原文（空格由预分词处理）
print(len(word.get_vocab()), len(bpe.get_vocab()), len(alphabet))  # 三种词表的大小
# > 11 31 11
