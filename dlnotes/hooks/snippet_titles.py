"""只含一行 ``--8<-- "chapter/file.py"`` 的代码块自动加上 ``title="snippets/…"``：读者一眼就能
看出这段代码就是测试套件运行过的那个文件（样式表再加上“已由测试运行”的标记）。"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dlnotes.includes import INCLUDE_FENCE


def _add_title(match: re.Match[str]) -> str:
    title = f"snippets/{match['path']}"
    target = match["path"]
    if match["section"]:
        title += f"（节选：{match['section']}）"
        target += f":{match['section']}"
    indent, fence = match["indent"], match["fence"]
    return (
        f'{indent}{fence}{match["lang"]} title="{title}"\n'
        f'{indent}--8<-- "{target}"\n'
        f"{indent}{fence}"
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return INCLUDE_FENCE.sub(_add_title, markdown)
