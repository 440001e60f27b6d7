"""从渲染后的页面 HTML 生成阅读辅助页：术语表（``glossary``）、面试题索引（``questions``）
与面试练习（``practice``）。

``html_text`` 把一页 HTML 拆成正文块和问题；``page`` 是共用的页面记录和 Markdown 小工具。
生成的页面放在站点根目录下（``glossary/``、``questions/``、``practice/``），链接都以 ``../`` 开头。
"""

from dlnotes.reading_aids.glossary import glossary_markdown
from dlnotes.reading_aids.page import RenderedPage
from dlnotes.reading_aids.practice import Practice, answers, practice_markdown
from dlnotes.reading_aids.questions import questions_markdown

__all__ = [
    "Practice",
    "RenderedPage",
    "answers",
    "glossary_markdown",
    "practice_markdown",
    "questions_markdown",
]
