"""术语表与面试题索引共用的部分：渲染后的页面，以及写 Markdown 的小工具。"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "../"  # 生成的页面在站点根目录下一层（glossary/），链接都相对于它


@dataclass(frozen=True)
class RenderedPage:
    url: str  # 站点内的目录式 URL，如 "training/normalization/"
    title: str  # 页面标题，如 "归一化：BN、LN、IN、GN"
    chapter: str  # 所属章节，如 "训练"
    html: str  # mkdocs 渲染出的正文 HTML（page.content）


def escape(text: str) -> str:
    """正文里的 Markdown 特殊字符加反斜杠，“<”写成实体（表格里的 | 由 ``row`` 转义）。"""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


def row(cells: list[str]) -> str:
    """表格的一行；单元格里还没转义的 | （行内代码里的）也要转义，否则会多出一列。"""
    return "| " + " | ".join(re.sub(r"(?<!\\)\|", r"\\|", cell) for cell in cells) + " |"


def link(page: RenderedPage, anchor: str = "") -> str:
    return PREFIX + page.url + (f"#{anchor}" if anchor else "")
