"""把一页渲染后的 HTML 拆成带小节锚点的正文块，并收集面试题（只用标准库的 html.parser）。

正文块里代码和公式换成占位符 ``HIDDEN``（括号里有它就不算术语），加粗、强调、链接的边界
记成 ``BOUNDARY``（加粗的术语从这里开始）。标题和问题收集成一行 Markdown。
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from dlnotes.reading_aids.page import escape

BOUNDARY = "\x01"  # 加粗、强调、链接的边界：加粗的术语从这里开始
HIDDEN = "\x02"  # 代码、公式留下的占位符：括号里有它就不算术语
BLOCK_TAGS = {
    "p", "li", "ul", "ol", "div", "details", "summary", "table", "tr", "td", "th",
    "blockquote", "dl", "dt", "dd", "br", "hr", "section", "figure", "figcaption",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img", "input", "link", "meta", "wbr", "col", "source", "area"}
EMPHASIS_TAGS = {"strong", "b", "em", "i", "a", "mark"}
CODE_TAGS = {"code", "pre", "kbd"}
DROP_TAGS = {"svg", "math", "script", "style", "textarea", "button"}
# 标题后的“¶”；笔记本代码单元格的输出、提示符和供“复制”按钮用的隐藏源码
DROP_CLASSES = {
    "headerlink", "anchor-link", "jp-OutputArea", "jp-InputPrompt",
    "clipboard-copy-txt", "zeroclipboard-container",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# 笔记本页面的 Markdown 单元格里，公式是原样的 $…$
DOLLAR_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.DOTALL)


@dataclass
class Block:
    """一段正文（段落、列表项、表格单元格、标题……）和它所在的小节。"""

    anchor: str  # 最近一个 h2–h6 的 id；还在 h1 下面时为空
    section: str  # 那个标题的文字（Markdown）
    text: str  # 纯文字，代码和公式换成 HIDDEN，强调的边界是 BOUNDARY
    title: bool = False  # 页面标题（h1）


@dataclass
class Question:
    text: str  # Markdown：行内代码用反引号，公式用 $…$
    anchor: str  # “面试题”小节的 id；页面没有这一节时用问题所在小节的 id


class _Inline:
    """把标题、问题的 HTML 收集成一行 Markdown：代码加反引号，公式写成 $…$，其余转义。"""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.verbatim: list[str] | None = None  # 正在收集的代码或公式
        self.kind = ""

    def open(self, kind: str) -> None:
        self.verbatim, self.kind = [], kind

    def close(self) -> None:
        raw = "".join(self.verbatim or []).strip()
        if self.kind == "math":
            raw = re.sub(r"^\\[(\[]\s*|\s*\\[)\]]$", "", raw)
            self.parts.append(f"${raw}$" if raw else "")
        elif raw:
            fence = "``" if "`" in raw else "`"
            self.parts.append(f"{fence}{raw}{fence}")
        self.verbatim = None

    def data(self, text: str) -> None:
        if self.verbatim is not None:
            self.verbatim.append(text)
            return
        # 笔记本里原样的 $…$ 不转义，交给 arithmatex
        last = 0
        for match in DOLLAR_MATH.finditer(text):
            self.parts += [escape(text[last : match.start()]), match[0]]
            last = match.end()
        self.parts.append(escape(text[last:]))

    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()


class _PageParser(HTMLParser):
    """把一页 HTML 拆成带小节锚点的正文块，并收集面试题。"""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.questions: list[Question] = []
        self.anchor = ""
        self.section = ""
        self._question_anchor = ""  # “面试题”小节的 id
        self._stack: list[tuple[str, str]] = []  # (标签, 角色)
        self._hidden = 0  # 打开着的代码、公式、丢弃元素的个数：正文跳过
        self._dropped = 0  # 打开着的丢弃元素的个数：标题、问题也跳过
        self._verbatim = 0  # 打开着的代码、公式元素的个数
        self._buffer: list[str] = []
        self._heading: _Inline | None = None
        self._heading_tag = ""
        self._heading_id = ""
        self._summary: _Inline | None = None

    @staticmethod
    def _role(tag: str, classes: set[str], parent: str) -> str:
        if tag in DROP_TAGS or classes & DROP_CLASSES:
            return "drop"
        if "arithmatex" in classes:
            return "math"
        if tag in CODE_TAGS or "highlight" in classes:
            return "code"
        if tag in HEADINGS:
            return "heading"
        if tag == "details" and "question" in classes:
            return "question"
        if tag == "summary" and parent == "question":
            return "summary"
        return "emphasis" if tag in EMPHASIS_TAGS else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        role = self._role(tag, classes, self._stack[-1][1] if self._stack else "")
        if role in ("drop", "math", "code"):
            if not self._hidden:
                self._buffer.append(HIDDEN)
            self._hidden += 1
            self._dropped += role == "drop"
            if role != "drop" and not self._verbatim:
                for inline in self._inlines():
                    inline.open(role)
            self._verbatim += role != "drop"
        elif role == "heading":
            self._heading, self._heading_tag = _Inline(), tag
            self._heading_id = attributes.get("id") or ""
        elif role == "summary":
            self._summary = _Inline()
        elif role == "emphasis" and not self._hidden:
            self._buffer.append(BOUNDARY)
        self._stack.append((tag, role))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if all(open_tag != tag for open_tag, _ in self._stack):
            return  # 多余的结束标签
        while self._stack:
            open_tag, role = self._stack.pop()
            self._close(role)
            if open_tag == tag:
                break
        if tag in BLOCK_TAGS:
            self._flush()

    def _close(self, role: str) -> None:
        if role in ("drop", "math", "code"):
            self._hidden -= 1
            self._dropped -= role == "drop"
            self._verbatim -= role != "drop"
            if role != "drop" and not self._verbatim:
                for inline in self._inlines():
                    inline.close()
        elif role == "emphasis" and not self._hidden:
            self._buffer.append(BOUNDARY)
        elif role == "heading" and self._heading is not None:
            self._flush()
            if self._heading_tag == "h1":
                self.anchor = self.section = ""  # h1 下面的正文链接到页面本身
            else:
                self.anchor, self.section = self._heading_id, self._heading.text()
                if self.section == "面试题":
                    self._question_anchor = self.anchor
            self._heading = None
        elif role == "summary" and self._summary is not None:
            if text := self._summary.text():
                self.questions.append(Question(text, self._question_anchor or self.anchor))
            self._summary = None

    def handle_data(self, data: str) -> None:
        if not self._dropped:
            for inline in self._inlines():
                inline.data(data)
        if not self._hidden:
            self._buffer.append(DOLLAR_MATH.sub(HIDDEN, data))

    def _inlines(self) -> list[_Inline]:
        return [inline for inline in (self._heading, self._summary) if inline is not None]

    def _flush(self) -> None:
        text = "".join(self._buffer).strip()
        self._buffer = []
        if not text.strip(BOUNDARY + HIDDEN):
            return
        if self._heading is None:
            self.blocks.append(Block(self.anchor, self.section, text))
        elif self._heading_tag == "h1":
            self.blocks.append(Block("", "", text, title=True))
        else:  # 标题里的文字属于这个标题自己的小节
            self.blocks.append(Block(self._heading_id, self._heading.text(), text))


# 代码块、图里每个词元都是一个标签，先整段去掉内容，解析快几倍（它们本来就跳过）
SKIPPED_BODIES = re.compile(r"(<(pre|svg)\b[^>]*>).*?(</\2>)", re.DOTALL)


def parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(SKIPPED_BODIES.sub(r"\1\3", html))
    parser.close()
    parser._flush()
    return parser
