"""术语表：收集全站写成“中文（English）”或“中文（English，缩写）”的术语。

每条链接到它第一次出现的小节，按英文首字母分组。正文里括号前面的汉字串常常带着“也叫”
“例如”“神经网络里常说的”之类的前缀，用 jieba 分词和词性把它们切掉。
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

import jieba
import jieba.posseg

from dlnotes.paths import PACKAGE
from dlnotes.reading_aids.html_text import BOUNDARY, HIDDEN, Block, parse
from dlnotes.reading_aids.page import RenderedPage, escape, link, row

USER_DICT = PACKAGE / "jieba_user_dict.txt"

HAN = "\u4e00-\u9fff"
# [汉字串 + 空格]（后面必须跟拉丁词）[至多两个拉丁词 + 空格] 汉字串 （括号里的内容）
TERM = re.compile(
    rf"(?:(?P<pre>[{HAN}]+) (?=[A-Za-z0-9]))?"
    rf"(?P<latin>(?:[A-Za-z0-9][A-Za-z0-9\-]* ){{0,2}})"
    rf"(?P<zh>[{HAN}]+(?:[–·][{HAN}]+)*){BOUNDARY}?（(?P<inner>[^（）\n]{{1,150}})）"
)
ENGLISH = re.compile(r"[A-Za-z][A-Za-z0-9 '’\-–]*[A-Za-z0-9]")
# 缩写：至少两个大写字母，连字符后也是大写或数字（“Post-LN”，不是“Out-of-Bag”）
ABBREVIATION = re.compile(
    r"(?=(?:[^A-Z]*[A-Z]){2})(?=.{2,10}$)[A-Za-z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*"
)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
STOPWORDS = {"a", "an", "the", "of", "on", "in", "for", "from", "and", "as", "to", "by", "with"}
MAX_ZH, MAX_EN = 12, 60


def _split_inner(inner: str) -> tuple[str, str] | None:
    """括号里的内容 → (英文, 缩写)；不像术语时返回 None。英文为空表示括号里只有缩写。"""
    parts = [part.strip() for part in re.split(r"[，,；;：:]", inner.replace(BOUNDARY, ""))]
    first, second = parts[0], parts[1] if len(parts) > 1 else ""
    if HIDDEN in first or not ENGLISH.fullmatch(first) or len(first) > MAX_EN:
        return None
    words = first.split()
    if YEAR.search(first) or words[-1].isdigit() or len(words) > 6:
        return None  # 引文（“Breiman 2001”）、编号（“Proposition 2”）、论文标题
    if sum(word in STOPWORDS for word in words) > 1 or not re.search(r"[A-Za-z]{2}", first):
        return None
    if words[0].islower() and any(word[0].isupper() for word in words[1:]):
        return None  # 人名（“van Laarhoven”）
    if re.fullmatch(r"[a-z]+\d+", first) or re.search(r"[a-z]\d+[a-z]", first):
        return None  # 代码里的名字（“im2col”“fp32”）
    if ABBREVIATION.fullmatch(first):
        # “（GELU，Gaussian Error Linear Unit）”与只有缩写的“（SVM）”
        if " " in second and ENGLISH.fullmatch(second) and len(second) <= MAX_EN:
            return second, first
        return "", first
    return first, second if ABBREVIATION.fullmatch(second) else ""


# ---------------------------------------------------------------- 清理汉字串

# 这些词之后才是术语：“也叫批归一化”“例如梯度下降”“神经网络里常说的权重衰减”
CUT_WORDS_TEXT = """
    的 地 得 了 着 过 叫 叫做 叫作 称 称为 称作 称之为 名为 即 是 就是 正是 也 也叫 又叫 还
    又 都 就 才 再 先 并 而 和 与 及 以及 或 或者 跟 把 将 被 让 使 给 对 向 从 由 以 用 用于
    在 于 为 作为 当 时 如 例如 比如 譬如 包括 这 那 这种 这个 这些 它 它们 其 其中 个 种 做
    采用 使用 利用 经过 接 紧跟 后面 前面 之后 之前 后来 提出 所谓 有 没有 得到 变成 换成
    可以 能 会 要 需要 所以 因此 但 但是 然后 里 中 上 常 常用 常说 通常 一般 常见 到 配
    靠 看 记 走 设 取 乘 加 来 很 仍 每个 同一 同一个 单个 整个 不同 部分 大部分 直接 同时
    真正 广泛 报告 最小化 最大化
"""
CUT_WORDS = set(CUT_WORDS_TEXT.split())
# 词性（jieba）：代词、介词、连词、助词、方位词、量词、时间词、语气词……
CUT_FLAGS = ("r", "p", "c", "u", "f", "q", "t", "y", "e", "o", "zg")
NUMERAL_START = "一两三四五六七八九十几多各"  # “一个”“三种”“多”
# 不能打头的单字（后缀）：切在它前面会把“加性模型”切成“性模型”
SUFFIX_CHARS = set("性化率度式器法量者型值元积矩差")
# jieba 词典里没有、按字切开又会被切错的术语
EXTRA_WORDS = [
    "等错误率",
    "最大后验估计",
    "勒让德多项式",
    "点积",
    "隐状态",
    "前向",
    "四分位距",
    "袋外",
]
# 单独出现时不是术语的词：“它本身的问题（Dead ReLU）”
GENERIC = {"问题", "方法", "作用", "部分", "情况", "结果", "过程", "效果", "办法", "做法", "形式"}
# 已知的误判：括号里是专有名词，前面的汉字只是在描述它，并不是它的中文名
NOT_TERMS = {
    "平方根", "多分类", "串行路线", "部署生态完善", "飞桨领域特定处理器", "统计量",
    "大模型配置", "收敛定理", "设计特征",
}  # fmt: skip
# 页面标题（h1）里常见、但不是术语的词：“深度学习概览（Deep Learning Overview）”
TITLE_WORDS = ("概览", "基础", "入门", "简介", "总结")


@functools.cache
def _tokenizer() -> jieba.posseg.POSTokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USER_DICT))
    for word in EXTRA_WORDS:
        tokenizer.add_word(word, 1000, "n")
    return jieba.posseg.POSTokenizer(tokenizer)


@functools.cache
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """(词, 词性) 序列；关掉 HMM，未登录词按字切开，结果可预测。"""
    return tuple((pair.word, pair.flag) for pair in _tokenizer().lcut(text, HMM=False))


def _is_cut(word: str, flag: str, whole: bool = False) -> bool:
    """前缀能不能在这个词之后切断。``whole``：汉字串本身加粗或独占一格，只认虚词表和数量词。"""
    if word in CUT_WORDS or _is_numeral(word, flag):
        return True
    if whole:
        return False
    return flag.startswith(CUT_FLAGS) or (flag == "v" and len(word) >= 2)


def _tail(words: tuple[tuple[str, str], ...], start: int) -> str | None:
    """从第 ``start`` 个词起的后缀；它不能以后缀单字打头（“性模型”）时返回 None。"""
    rest = words[start:]
    if not rest or (rest[0][0] in SUFFIX_CHARS and len(rest) > 1):
        return None
    return "".join(word for word, _ in rest)


def _strip_prefix(zh: str, whole: bool) -> str:
    """切掉汉字串前面多带的词：“也叫批归一化” → “批归一化”。"""
    words = _words(zh)
    cut = 0
    for index, (word, flag) in enumerate(words[:-1]):
        tail = _tail(words, index + 1)
        if not tail or not _is_cut(word, flag, whole) or not _has_content(words[index + 1 :]):
            continue
        # 实词（动词）后面切出来的要够长，免得“指示函数”只剩“函数”
        if word in CUT_WORDS or flag != "v" or len(tail) >= 3:
            cut = index + 1
    stripped = "".join(word for word, _ in words[cut:])
    if len(stripped) == 1 and cut:
        return zh if whole else ""  # “加一（Laplace）”保持原样，“叫正例”里切出的“例”不要
    return stripped


def _has_content(words: tuple[tuple[str, str], ...]) -> bool:
    """切剩的部分要以实词打头、含实词：“舍入到最近”不切成“最近”（数词算实词：“一步”）。"""
    return not _is_function(*words[0]) and any(not _is_function(*pair) for pair in words)


def _is_function(word: str, flag: str) -> bool:
    """虚词：代词、介词、连词、助词、方位词……"""
    return word in CUT_WORDS or flag.startswith(CUT_FLAGS)


def _is_numeral(word: str, flag: str) -> bool:
    return flag == "m" and len(word) >= 2 and word[0] in NUMERAL_START


def _known_suffix(zh: str, english: str, known: dict[str, set[str]]) -> str:
    """还带着前缀（“有助于离开鞍点”）时，取别处配同一个英文出现过的最长后缀（“鞍点”）。

    只在切掉的部分里有动词、虚词时才切，所以“随机初始化”“梯度裁剪”保持原样。
    """
    words = _words(zh)
    for start in range(1, len(words)):
        tail = _tail(words, start)
        if not tail or len(tail) < 2 or _english_key(english) not in known.get(tail, ()):
            continue
        if any(_is_cut(word, flag) for word, flag in words[:start]):
            return tail
    return zh


def _latin_prefix(latin: str, english: str) -> str:
    """“K 折交叉验证”“JS 散度”：汉字前的拉丁词出现在英文里（或是它的首字母缩写）才算术语。"""
    tokens = latin.split()
    initials = "".join(word[0] for word in re.split(r"[\s\-–]+", english) if word).upper()
    for start in range(len(tokens)):
        candidate = tokens[start:]
        if all(
            token.lower() in english.lower() or _is_acronym(token, initials) for token in candidate
        ):
            return " ".join(candidate) + " "
    return ""


def _is_acronym(token: str, initials: str) -> bool:
    letters = iter(initials)
    return token.isupper() and len(token) >= 2 and all(char in letters for char in token)


def _chinese_prefix(pre: str) -> str:
    """拉丁词前面的汉字串（“里的平滑 L1 损失”里的“里的平滑”）去掉前缀后剩下的部分。"""
    words = _words(pre)
    stripped = _strip_prefix(pre, whole=False) if pre and not _is_cut(*words[-1]) else ""
    return stripped + " " if 0 < len(stripped) <= 3 else ""  # “损失里加 L2 正则”不要


@dataclass
class Occurrence:
    zh: str
    english: str  # 空串：括号里只有缩写
    abbr: str
    page: RenderedPage
    anchor: str
    section: str
    clean: bool  # 汉字串原样就是术语，没切过前缀


Parsed = list[tuple[RenderedPage, list[Block]]]  # 每页和它的正文块，按阅读顺序


def _matches(parsed: Parsed) -> list[tuple[re.Match[str], Block, RenderedPage]]:
    """全站所有“汉字串（括号）”，按阅读顺序。"""
    return [
        (match, block, page)
        for page, blocks in parsed
        for block in blocks
        for match in TERM.finditer(block.text)
    ]


def _occurrences(parsed: Parsed) -> list[Occurrence]:
    """全站所有术语出现的地方，按阅读顺序。"""
    found = []
    for match, block, page in _matches(parsed):
        inner = _split_inner(match["inner"])
        if inner is None:
            continue
        start, end = match.start("latin" if match["latin"] else "zh"), match.end()
        # 加粗的、独占一个表格单元格或列表项的汉字串，不按词性切
        whole = block.text[start - 1 : start] == BOUNDARY or (start == 0 and end == len(block.text))
        zh = _strip_prefix(match["zh"], whole)
        if block.title and (zh != match["zh"] or zh.endswith(TITLE_WORDS) or " and " in inner[0]):
            continue  # 页面标题只收本身就是一个术语的
        found.append((match, zh, *inner, block, page))
    known: dict[str, set[str]] = {}
    for _, zh, english, abbr, *_ in found:
        known.setdefault(zh, set()).add(_english_key(english or abbr))
    occurrences = []
    for match, zh, english, abbr, block, page in found:
        term = _known_suffix(zh, english or abbr, known)
        clean = term == match["zh"]
        if clean and match["latin"]:
            latin = _latin_prefix(match["latin"], english or abbr)
            if latin == match["latin"] and match["pre"]:
                latin = _chinese_prefix(match["pre"]) + latin
            term = latin + term
        if _plausible(term, english or abbr):
            occurrence = Occurrence(term, english, abbr, page, block.anchor, block.section, clean)
            occurrences.append(occurrence)
    return occurrences


def _plausible(zh: str, english: str) -> bool:
    """清理后的汉字串像不像和英文对应的术语。"""
    content_words = [word for word in english.split() if word.lower() not in STOPWORDS]
    han = re.findall(f"[{HAN}]", zh)
    if not zh or len(han) > MAX_ZH or zh in GENERIC | NOT_TERMS or zh.endswith(("的", "地")):
        return False
    return len(zh) >= len(content_words)  # “训练（Population Based Training）”是切过头了


# ---------------------------------------------------------------- 合并成术语表


@dataclass
class Term:
    zh: str
    english: str
    abbr: str
    home: Occurrence  # 定义位置
    see_also: list[tuple[RenderedPage, str]] = field(default_factory=list)  # (页面, 锚点)


def _english_key(english: str) -> str:
    """只差大小写、空格、连字符、复数 s 的英文算同一个。"""
    return re.sub(r"[^a-z0-9]", "", english.lower()).removesuffix("s")


def _terms(pages: list[RenderedPage]) -> list[Term]:
    parsed = [(page, parse(page.html).blocks) for page in pages]
    by_zh: dict[str, list[Occurrence]] = {}
    for occurrence in _occurrences(parsed):
        by_zh.setdefault(occurrence.zh, []).append(occurrence)
    terms = []
    for zh, occurrences in by_zh.items():
        full = [o for o in occurrences if o.english]
        if not full:
            continue  # 只写过缩写的（“全连接层（MLP）”）不收
        # 同一个中文配过不同的英文时，取出现最多的（并列时取原样写出更多的、再取先出现的），
        # 定义位置是这个英文第一次出现的地方
        votes = Counter(_english_key(o.english) for o in full)
        clean = Counter(_english_key(o.english) for o in full if o.clean)
        key = max(votes, key=lambda k: (votes[k], clean[k]))
        home = next(o for o in full if _english_key(o.english) == key)
        abbrs = Counter(o.abbr for o in full if o.abbr and _english_key(o.english) == key)
        abbr = abbrs.most_common(1)[0][0] if abbrs else ""
        terms.append(Term(zh, home.english, abbr, home))
    texts = ["\n".join(block.text for block in blocks).lower() for _, blocks in parsed]
    for term in terms:
        longer = [other.zh for other in terms if term.zh in other.zh and other.zh != term.zh]
        term.see_also = _see_also(term, longer, parsed, texts)
    return terms


def _see_also(
    term: Term, longer: list[str], parsed: Parsed, texts: list[str]
) -> list[tuple[RenderedPage, str]]:
    """定义所在页以外、正文里提到这个术语（中文、英文或缩写）最多的三页，一样多时按阅读顺序；
    链接到那一页第一次提到它的小节。``longer`` 是包含它的更长术语（“批归一化”之于“归一化”），
    提到它们不算提到这个术语。"""
    names = [name for name in (term.zh, term.english, term.abbr) if name]
    # 更长的术语排在前面：正则从左往右匹配，“批归一化”整个被它吃掉，不再算一次“归一化”
    # 缩写区分大小写：ZeRO 不是 adaLN-Zero 里的 Zero，也不是 zero_grad
    pattern = "|".join(
        rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])"
        for name in [*sorted(longer, key=len, reverse=True), term.zh, term.english]
    )
    if term.abbr:
        pattern += rf"|(?-i:(?<![A-Za-z0-9]){re.escape(term.abbr)}(?![A-Za-z0-9]))"
    mention = re.compile(pattern, re.IGNORECASE)
    wanted = {name.lower() for name in names}
    ranked = []
    for order, ((page, blocks), text) in enumerate(zip(parsed, texts, strict=True)):
        if page.url == term.home.page.url or not any(name in text for name in wanted):
            continue  # 先用子串粗筛，正则只在可能提到的页面上跑
        counts = [
            sum(found.lower() in wanted for found in mention.findall(block.text))
            for block in blocks
        ]
        if any(counts):
            first = next(block for block, count in zip(blocks, counts, strict=True) if count)
            ranked.append((-sum(counts), order, page, first.anchor))
    return [(page, anchor) for _, _, page, anchor in sorted(ranked)[:3]]


def _where(occurrence: Occurrence) -> str:
    text = escape(occurrence.page.title)
    if occurrence.section:
        text += f" › {occurrence.section}"  # 小节标题已经是 Markdown
    return f"[{text}]({link(occurrence.page, occurrence.anchor)})"


def glossary_markdown(pages: list[RenderedPage]) -> str:
    """术语表页面的 Markdown。``pages`` 按阅读顺序排列。"""
    groups: dict[str, list[Term]] = {}
    terms = _terms(pages)
    for term in terms:
        groups.setdefault(term.english[0].upper(), []).append(term)  # 英文总以字母开头
    letters = sorted(groups)
    lines = [
        "# 术语表",
        "",
        f"本页在构建时自动生成：扫描全站每一页的正文，收集写成“中文（English）”或"
        f"“中文（English，缩写）”的术语，共 {len(terms)} 条。“定义位置”链接到术语第一次"
        "出现的小节，那里通常就是它的定义；“另见”是正文里提到它最多的其他页面（最多三个）。"
        "术语按英文首字母分组；找中文请用浏览器的页内查找（Ctrl+F）。",
        "",
        " · ".join(f"[{letter}](#{letter.lower()})" for letter in letters),
    ]
    for letter in letters:
        lines += [
            "",
            f"## {letter}",
            "",
            "| 中文 | English | 缩写 | 定义位置 |",
            "|---|---|---|---|",
        ]
        for term in sorted(groups[letter], key=lambda t: (t.english.casefold(), t.zh)):
            where = _where(term.home)
            if term.see_also:
                links = [
                    f"[{escape(page.title)}]({link(page, anchor)})"
                    for page, anchor in term.see_also
                ]
                where += "；另见 " + "、".join(links)
            lines.append(row([escape(term.zh), escape(term.english), escape(term.abbr), where]))
    return "\n".join(lines) + "\n"
