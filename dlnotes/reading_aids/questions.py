"""面试题索引：收集全站 ``??? question "…"`` 折叠块，按章节、页面排列。"""

from __future__ import annotations

from dlnotes.reading_aids.html_text import Question, parse
from dlnotes.reading_aids.page import RenderedPage, escape, link


def questions_markdown(pages: list[RenderedPage]) -> str:
    """面试题索引页面的 Markdown。``pages`` 按阅读顺序排列。"""
    chapters: dict[str, list[tuple[RenderedPage, list[Question]]]] = {}
    for page in pages:
        if questions := parse(page.html).questions:
            chapters.setdefault(page.chapter, []).append((page, questions))
    total = sum(len(questions) for entries in chapters.values() for _, questions in entries)
    lines = [
        "# 面试题索引",
        "",
        f"本页在构建时自动生成：收集全站各页“面试题”一节的全部 {total} 道题，"
        "按章节和页面排列。点题目跳到原页的面试题一节，展开折叠块即可看到答案。",
    ]
    for chapter, entries in chapters.items():
        lines += ["", f"## {escape(chapter)}"]
        for page, questions in entries:
            lines += ["", f"### [{escape(page.title)}]({link(page)})", ""]
            lines += [
                f"{number}. [{question.text}]({link(page, question.anchor)})"
                for number, question in enumerate(questions, start=1)
            ]
    return "\n".join(lines) + "\n"
