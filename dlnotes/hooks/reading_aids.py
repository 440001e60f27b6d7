"""构建时生成的阅读辅助页：术语表、面试题索引与面试练习（``dlnotes.reading_aids``）。

这几页排在最后渲染：到它们时其他页面都已渲染完，钩子记下了每页读者看到的正文。设置环境变量
``DLNOTES_AIDS_DIR`` 时，生成的 Markdown 同时写进那个目录（测试拿它和审阅过的快照比对）。
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from dlnotes.paths import GENERATED_PAGES
from dlnotes.reading_aids import (
    Practice,
    RenderedPage,
    answers,
    glossary_markdown,
    practice_markdown,
    questions_markdown,
)
from dlnotes.reading_aids.practice import ANSWERS_DIR, answers_file

MAKERS = {"glossary.md": glossary_markdown, "questions.md": questions_markdown}
# 生成的链接 ../a/b/#x 写回源文件 a/b.md#x：mkdocs 会检查页面和锚点是否存在
LINK = re.compile(r"\]\(\.\./(?P<url>[^)#\s]*)(?P<anchor>#[^)\s]*)?\)")

_rendered: dict[str, RenderedPage] = {}
_nav: Navigation | None = None
_practice: Practice | None = None  # 练习页的题目编号
_answers: dict[str, dict[str, str]] = {}  # 页面地址 → {题目编号 → 答案 HTML}，构建结束时写成 JSON


@event_priority(-60)  # 在笔记本排到最后之后，生成的页面排在更后面
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, title in GENERATED_PAGES.items():
        files.append(File.generated(config, uri, content=f"# {title}\n"))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav, _practice
    _nav, _practice = nav, None
    _rendered.clear()
    _answers.clear()
    return nav


@event_priority(-100)  # 在其他钩子改完正文之后，记下读者看到的正文
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in GENERATED_PAGES:
        chapter = page.parent.title if page.parent else ""
        _rendered[page.url] = RenderedPage(page.url, page.title or "", chapter, html)
    return html


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in GENERATED_PAGES:
        return markdown
    pages = _nav.pages if _nav else []
    order = {p.url: i for i, p in enumerate(pages)}
    # 只收 nav 里的页面：还没加进 nav 的新页面（构建会警告）不出现在索引里
    rendered = sorted((p for p in _rendered.values() if p.url in order), key=lambda p: order[p.url])
    if page.file.src_uri == "practice.md":
        global _practice
        text, _practice = practice_markdown(rendered)
    else:
        text = MAKERS[page.file.src_uri](rendered)
    if folder := os.environ.get("DLNOTES_AIDS_DIR"):
        Path(folder, page.file.src_uri).write_text(text, "utf8")
    sources = {p.url: p.file.src_uri for p in pages}

    def to_source(match: re.Match[str]) -> str:
        target = sources.get(match["url"])
        return f"]({target}{match['anchor'] or ''})" if target else match[0]

    return LINK.sub(to_source, text)


@event_priority(-120)  # 在 hooks/math.py 排版公式之后：答案里的公式已经是 KaTeX 的 HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _practice is not None and page.url in _practice.ids:
        _answers[page.url] = answers(output, page.url, _practice)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """练习页的答案按出处页面写成 ``practice/answers/<页面>.json``（出到哪页的题才下载）。"""
    if _practice is None:
        raise PluginError("面试练习页没有生成（practice.md 不在 nav 里？），答案文件无从写起")
    folder = Path(config.site_dir, ANSWERS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    for page_url, by_id in _answers.items():
        text = json.dumps(by_id, ensure_ascii=False, separators=(",", ":"))
        (folder / f"{answers_file(page_url)}.json").write_text(text, "utf8")
