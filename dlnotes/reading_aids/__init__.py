"""从渲染后的页面 HTML 生成两个阅读辅助页：术语表（``glossary``）与面试题索引（``questions``）。

``html_text`` 把一页 HTML 拆成正文块和问题；``page`` 是两者共用的页面记录和 Markdown 小工具。
生成的两页放在站点根目录下（``glossary/``、``questions/``），链接都以 ``../`` 开头。
"""

from dlnotes.reading_aids.glossary import glossary_markdown
from dlnotes.reading_aids.page import RenderedPage
from dlnotes.reading_aids.questions import questions_markdown

__all__ = ["RenderedPage", "glossary_markdown", "questions_markdown"]
