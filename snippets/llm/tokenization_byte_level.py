"""字节级 BPE（GPT-2）：任何字符串先变成 UTF-8 字节，256 个字节就是基础符号，所以没有未登录词；
字节到可见字符的映射与 tokenizers 的 ByteLevel 相同；中文、emoji、生僻字都能原样还原。"""

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2 的做法：可打印的 188 个字节映射到自己，
    其余 68 个（控制符、空格等）依次映射到 256 之后的码位。"""
    keep = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    table, n = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + n)
            n += 1
    return table


table = bytes_to_unicode()
assert len(set(table.values())) == 256  # 一一对应
assert set(table.values()) == set(pre_tokenizers.ByteLevel.alphabet())  # 与库的 256 个字符相同
print(table[ord(" ")], table[ord("\n")], [table[b] for b in "中".encode()])
# > Ġ Ċ ['ä', '¸', 'Ń']

# 码位与 UTF-8 字节数：ASCII 1 个，常用汉字（U+0800–U+FFFF）3 个，emoji 和扩展区汉字 4 个
for ch, n_bytes in [("a", 1), ("é", 2), ("中", 3), ("的", 3), ("😀", 4), ("𠀀", 4)]:
    assert (
        len(ch.encode("utf-8"))
        == n_bytes
        == 1 + (ord(ch) > 0x7F) + (ord(ch) > 0x7FF) + (ord(ch) > 0xFFFF)
    )

corpus = [
    "我们今天学习分词。我们明天学习模型。分词是模型的第一步。",
    "the model reads tokens. the tokenizer writes tokens.",
] * 20
tok = Tokenizer(models.BPE())
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tok.decoder = decoders.ByteLevel()
trainer = trainers.BpeTrainer(
    vocab_size=400, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False
)
tok.train_from_iterator(corpus, trainer=trainer)
assert len(tok.get_vocab()) > 256  # 256 个字节全在词表里，另有学到的合并

# 训练语料里从没出现过的字符也能编码、解码回原样，不会出现未知词元
for s in ["深度学习笔记", "emoji 😀🎉 ok", "生僻字 𠀀𪚥 和 ñ", "tab\tnew\nline", "模型"]:
    enc = tok.encode(s)
    assert tok.decode(enc.ids) == s
print(tok.encode("😀").tokens)  # 没学过的 emoji 就是它的 4 个字节
# > ['ð', 'Ł', 'ĺ', 'Ģ']

# 对照：字符级起步的 BPE（基础符号是语料里见过的字符）遇到新字符只能输出 [UNK]，解码丢了信息
char_bpe = Tokenizer(models.BPE(unk_token="[UNK]"))
char_bpe.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
char_trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["[UNK]"], show_progress=False)
char_bpe.train_from_iterator(corpus, trainer=char_trainer)
print(char_bpe.encode("模型 😀").tokens)
# > ['模型', '[UNK]']
assert char_bpe.decode(char_bpe.encode("模型 😀").ids) != "模型 😀"
