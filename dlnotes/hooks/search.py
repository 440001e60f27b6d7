"""站内搜索：构建结束后用 Pagefind（PyPI 上的 ``pagefind[extended]``，带中文分词）给站点建索引。

Pagefind 把索引切成按词分布的小片：读者搜索时只下载查询用到的那几片，索引随页面增多而变大，
第一次搜索下载的量却几乎不变。搜索框和结果列表在 ``docs/javascripts/search.js``。

- 只索引正文（``article``）；代码块、公式、笔记本的代码和输出、小节标题后的“¶”、页面底部的
  更新日期都不进索引（``data-pagefind-ignore`` 与 ``EXCLUDED``）：读者搜的是概念。
- 只留下 search.js 用到的文件（Pagefind 自带的几套界面不发布）。
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT_SELECTOR = "article.md-content__inner"
EXCLUDED = [".headerlink", ".md-source-file", ".notebook-note", ".md-content__button"]
UNUSED = [
    "pagefind-ui.*",
    "pagefind-component-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-highlight.js",
]
IGNORED = re.compile(r'<div class="(?=[^"]*\b(?:highlight|jp-InputArea|jp-OutputArea)\b)')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return IGNORED.sub('<div data-pagefind-ignore class="', html)


@event_priority(-100)  # 在其他钩子写完页面之后
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
        "--root-selector", ROOT_SELECTOR, "--exclude-selectors", ",".join(EXCLUDED),
    ]  # fmt: skip
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise PluginError(f"Pagefind 建索引失败：{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    for pattern in UNUSED:
        for path in (site / "pagefind").glob(pattern):
            path.unlink()
    if not (site / "pagefind" / "pagefind.js").is_file():
        raise PluginError("Pagefind 没有写出 pagefind/pagefind.js")
    shutil.rmtree(site / "search", ignore_errors=True)  # 以前 mkdocs-material 搜索插件的索引
