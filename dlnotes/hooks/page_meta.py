"""每页的元信息：页脚（仓库链接）、最后更新日期、页面描述。

- 最后更新日期：页面源文件与它引用的代码文件里，最近一次提交的日期（代码改了，页面也就
  更新了）。一次 ``git log`` 读出全部文件的日期；mkdocs-material 的模板显示
  ``page.meta.git_revision_date_localized``。
- 描述（搜索引擎和分享卡片用）：没写 ``description`` 的页面取正文第一段。
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dlnotes.includes import includes
from dlnotes.paths import ROOT

_dates: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.copyright = footer()
    _dates.clear()
    _dates.update(git_dates(ROOT))
    return config


def repository() -> str | None:
    """仓库地址：``REPO_URL``，GitHub Actions 的环境变量，或本地 git 的 origin（https 时）。"""
    if url := os.environ.get("REPO_URL"):
        return url
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    proc = subprocess.run(
        ["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True
    )
    origin = proc.stdout.strip()
    return origin if origin.startswith("https://") else None


FOOTER = "深度学习笔记 · 页面上的每段 Python 代码都由测试套件运行并核对过"


def footer() -> str:
    repo = repository()
    return f'{FOOTER} · <a href="{repo}">源代码仓库</a>' if repo else FOOTER


def git_dates(root: Path) -> dict[str, str]:
    """docs/ 与 snippets/ 下每个文件最近一次提交的日期（YYYY-MM-DD），键是相对仓库的路径。"""
    proc = subprocess.run(
        ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs", "snippets"],
        cwd=root, capture_output=True, text=True,
    )  # fmt: skip
    dates: dict[str, str] = {}
    date = ""
    for line in proc.stdout.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line:
            dates.setdefault(line, date)  # git log 从新到旧：第一次见到的就是最近的
    return dates


def page_date(src_path: Path, dates: dict[str, str]) -> str | None:
    """页面与它引用的代码文件里最近的提交日期。"""
    files = [src_path] + ([i.file for i in includes(src_path)] if src_path.suffix == ".md" else [])
    found = [dates.get(f.resolve().relative_to(ROOT).as_posix()) for f in files]
    return max((d for d in found if d), default=None)


@event_priority(-90)  # 在其他钩子改完正文之后
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    describe(html, page)
    source = page.file.abs_src_path
    if source and Path(source).is_relative_to(ROOT) and (date := page_date(Path(source), _dates)):
        page.meta["git_revision_date_localized"] = date
    return html


MATH = re.compile(r'<span class="arithmatex">.*?</span>\s*', re.DOTALL)
PARAGRAPH = re.compile(r"<p>((?:(?!</p>).)+)</p>", re.DOTALL)
ADMONITION = re.compile(r'<div class="admonition[^"]*">.*?</div>', re.DOTALL)


def describe(html: str, page: Page) -> None:
    if page.meta.get("description"):
        return
    body = ADMONITION.sub("", html)  # 提示框（包括笔记本页面顶部的说明）不算正文
    paragraphs = [m[1] for m in PARAGRAPH.finditer(body)][:3]
    plain = [p for p in paragraphs if "arithmatex" not in p and "$" not in p]
    chosen = next((p for p in plain if len(_text(p)) >= 20), paragraphs[0] if paragraphs else "")
    text = _text(MATH.sub("", chosen))  # 描述是纯文本：公式去掉，再收拾留下的空格
    text = re.sub(r"\s+(?=[，。；：、）])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)
    if text:
        page.meta["description"] = text if len(text) <= 120 else text[:118] + "……"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()
