"""面试练习页：一次出一道题，读者想好答案再展开。

题目和面试题索引同源（各页渲染后的 ``??? question`` 折叠块），构建时生成，不手抄：

- 页面本身（``practice/``）只带题目清单：编号、章节、题面、出处，体积小；
- 答案是折叠块里渲染好的全部内容（公式、代码、链接），按出处页面写成
  ``practice/answers/<页面>.json``（如 ``models.cnn.json``），出到哪一页的题才下载那一页的答案
  （一页几 KB；整章的答案压缩后也有上百 KB，手机上太慢）。答案里的相对链接改写成相对于练习页的地址。

出题顺序、进度与按键由 ``docs/javascripts/practice.js`` 负责，进度只存在浏览器的 localStorage 里。
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from dlnotes.paths import link_target
from dlnotes.reading_aids.page import PREFIX, RenderedPage

ANSWERS_DIR = "practice/answers"  # 相对站点根目录
SCRIPT = "javascripts/practice.js"


@dataclass(frozen=True)
class Fold:
    """一个 ``??? question`` 折叠块：题面和答案各自渲染好的 HTML。"""

    question: str
    answer: str


class _FoldFinder(HTMLParser):
    """找出 ``<details class="question">`` 的题面（summary）与其余内容在原文里的位置。"""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._offset = lambda: line_starts[self.getpos()[0] - 1] + self.getpos()[1]
        self.folds: list[Fold] = []
        self._depth = 0  # 当前所在的 details 层数
        self._fold_depth = 0  # 正在收集的问题折叠块所在的层数（0：不在收集）
        self._summary: tuple[int, int] | None = None  # summary 内容的起止位置
        self._summary_start = 0
        self._answer_start = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self._depth += 1
            classes = (dict(attrs).get("class") or "").split()
            if not self._fold_depth and "question" in classes:
                self._fold_depth, self._summary = self._depth, None
        elif tag == "summary" and self._fold_depth == self._depth and self._summary is None:
            self._summary_start = self._offset() + len(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "summary" and self._fold_depth == self._depth and self._summary is None:
            self._summary = (self._summary_start, self._offset())
            self._answer_start = self._offset() + len("</summary>")
        elif tag == "details":
            if self._fold_depth and self._fold_depth == self._depth and self._summary is not None:
                start, end = self._summary
                question = self.source[start:end].strip()
                answer = self.source[self._answer_start : self._offset()].strip()
                self.folds.append(Fold(question, answer))
                self._fold_depth = 0
            # 从第一道题开始解析时，外层 details 的结束标签可能没有对应的开始标签
            self._depth = max(self._depth - 1, 0)


FIRST_FOLD = re.compile(r'<details class="[^"]*\bquestion\b')


def question_folds(page_html: str) -> list[Fold]:
    """一页 HTML 里全部 ``??? question`` 折叠块，按出现顺序。

    只解析第一道题开始的那一段：页面前面的正文（笔记本页面有上 MB 的 SVG）与题目无关，
    整页解析占了热构建的好几秒。"""
    first = FIRST_FOLD.search(page_html)
    if first is None:
        return []
    source = page_html[first.start() :]
    finder = _FoldFinder(source)
    finder.feed(source)
    finder.close()
    return finder.folds


LINK = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def rebase_links(answer: str, page_url: str) -> str:
    """答案里的相对链接原本相对于出处页面（``page_url``，如 ``basics/loss/``），
    改成相对于练习页；外部链接不动。"""

    def rebase(match: re.Match[str]) -> str:
        target = link_target(page_url, match["url"])
        if target is None:
            return match[0]
        url, anchor = target
        rebased = PREFIX + url + (f"#{anchor}" if anchor else "")
        return f'{match["attr"]}="{html.escape(rebased)}"'

    return LINK.sub(rebase, answer)


def chapter_slug(page: RenderedPage) -> str:
    """章节的短名：页面地址的第一段（``basics``、``llm``……）。"""
    return page.url.split("/", 1)[0]


def question_id(page: RenderedPage, question: str) -> str:
    """题目的编号：出处页面加题面的指纹。改了题面就算新题，进度从头记。"""
    return hashlib.sha256(f"{page.url}\n{question}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Practice:
    """练习页的题目清单：每页每道题的编号（出处页面 → 按出现顺序的编号）。

    答案在公式排版之后才取（``answers``），靠“页面 + 第几道题”与这里的编号对上。"""

    ids: dict[str, list[str]]  # 页面地址 → 题目编号


def answers_file(page_url: str) -> str:
    """一页答案的文件名（不带 .json）：``models/cnn/`` → ``models.cnn``。"""
    return page_url.strip("/").replace("/", ".")


def practice_markdown(pages: list[RenderedPage]) -> tuple[str, Practice]:
    """练习页的 Markdown（说明、练习区的骨架、题目清单）和题目编号。``pages`` 按阅读顺序排列。

    题目清单是一个 ``<template>``：浏览器不渲染它，脚本从里面取题。题面里的公式和其他页面一样，
    由 ``hooks/math.py`` 在最终的 HTML 上排版。"""
    practice = Practice({})
    chapters: dict[str, str] = {}
    items: list[str] = []
    for page in pages:
        for fold in question_folds(page.html):
            slug = chapter_slug(page)
            chapters.setdefault(slug, page.chapter)
            identifier = question_id(page, fold.question)
            practice.ids.setdefault(page.url, []).append(identifier)
            attributes = {
                "data-id": identifier,
                "data-chapter": slug,
                "data-page": page.title,
                "data-url": PREFIX + page.url,
                "data-answers": answers_file(page.url),
            }
            attrs = " ".join(f'{k}="{html.escape(v)}"' for k, v in attributes.items())
            items.append(f"<li {attrs}>{rebase_links(fold.question, page.url)}</li>")
    options = "".join(
        f'<option value="{html.escape(slug)}">{html.escape(title)}</option>'
        for slug, title in chapters.items()
    )
    intro = (  # 一段不换行：中文之间的换行在浏览器里会显示成空格
        "一次出一道题：先在心里回答，再按“显示答案”对照，然后标记“会了”或“没想到”。"
        "没想到的题会更早再出现（间隔重复的 Leitner 盒子）。题目来自全站各页“面试题”一节，"
        f"共 {len(items)} 道，与[面试题索引](questions.md)同源；"
        "进度只保存在这台设备的浏览器里，不上传到任何地方。"
    )
    markdown = f"""# 面试练习

{intro}

<div class="dl-practice" data-pagefind-ignore data-answers="{ANSWERS_DIR}" markdown="0">
<noscript><p>练习需要启用 JavaScript。也可以直接看<a
 href="../questions/">面试题索引</a>。</p></noscript>
<div class="dl-practice__controls" hidden>
<label for="dl-practice-chapter">章节</label>
<select id="dl-practice-chapter"><option value="">全部章节</option>{options}</select>
<button type="button" class="md-button" data-action="reset">清除进度</button>
</div>
<section class="dl-practice__card" aria-live="polite" hidden>
<p class="dl-practice__meta"></p>
<div class="dl-practice__question"></div>
<button type="button" class="md-button md-button--primary" data-action="reveal"
 aria-expanded="false" aria-controls="dl-practice-answer">显示答案</button>
<div id="dl-practice-answer" class="dl-practice__answer" hidden></div>
<div class="dl-practice__marks" hidden>
<button type="button" class="md-button md-button--primary" data-action="known">会了</button>
<button type="button" class="md-button" data-action="unknown">没想到</button>
</div>
<p class="dl-practice__hint">键盘：<kbd>空格</kbd> 显示答案，<kbd>1</kbd> 会了，<kbd
>2</kbd> 没想到。</p>
</section>
<section class="dl-practice__progress" hidden>
<h2 id="progress">各章进度</h2>
<p>每章“会了”的题数（以最近一次标记为准）和这一章的总题数。</p>
<ul></ul>
</section>
<template id="dl-practice-questions"><ol>{"".join(items)}</ol></template>
</div>
<script src="../{SCRIPT}" defer></script>
"""
    return markdown, practice


def answers(final_html: str, page_url: str, practice: Practice) -> dict[str, str]:
    """一页最终 HTML（公式已排版）里的答案：题目编号 → 答案 HTML，链接改成相对于练习页。"""
    ids = practice.ids.get(page_url, [])
    folds = question_folds(final_html)
    if len(folds) != len(ids):
        raise ValueError(f"{page_url}: 排版后找到 {len(folds)} 道题，排版前是 {len(ids)} 道")
    return {i: rebase_links(fold.answer, page_url) for i, fold in zip(ids, folds, strict=True)}
