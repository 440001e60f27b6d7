"""仓库里的位置，以及页面源文件与站点地址的对应：全项目只在这里写一次。

站点用目录形式的地址（mkdocs 的 ``use_directory_urls``）::

    docs/index.md                    → ""                    → site/index.html
    docs/basics/index.md             → "basics/"             → site/basics/index.html
    docs/basics/activation.md        → "basics/activation/"  → site/basics/activation/index.html
    docs/basics/activation-curves.py → "basics/activation-curves/"（笔记本页面）

测试里检查机制自身的报错时，用环境变量 ``DLNOTES_ROOT`` 把仓库根目录换成一个临时目录。
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
import shutil
from pathlib import Path, PurePosixPath

ROOT = Path(os.environ.get("DLNOTES_ROOT") or Path(__file__).resolve().parent.parent).resolve()
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache"
PACKAGE = Path(__file__).resolve().parent
# npm 安装的前端工具（KaTeX、purgecss）跟着机制走，不跟着 DLNOTES_ROOT 换
NODE_MODULES = PACKAGE.parent / "node_modules"

# 构建时生成的页面（docs/ 里没有源文件）：源文件名 → 标题
GENERATED_PAGES = {"glossary.md": "术语表", "questions.md": "面试题索引", "practice.md": "面试练习"}


def cache_dir(kind: str, *inputs: bytes) -> Path:
    """``.cache/<kind>/<输入的指纹>/``：输入（依赖版本、机制的源码、样式……）一变就换一个新目录，
    同一类的旧目录随即删掉。代码运行结果（``snippet_runs``）和浏览器检查的通过记录
    （``testing.browser``）都放在这样的目录里。"""
    directory = CACHE / kind / hashlib.sha256(b"\0".join(inputs)).hexdigest()[:20]
    if not directory.is_dir():
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.parent.iterdir():
            if stale != directory:
                shutil.rmtree(stale, ignore_errors=True)
    return directory


def rel(path: Path | str) -> str:
    """仓库内的相对路径，用在错误信息里（仓库外的路径原样返回）。"""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def pages() -> list[Path]:
    """docs/ 下的 Markdown 页面。"""
    return sorted(DOCS.rglob("*.md"))


def notebooks() -> list[Path]:
    """docs/ 下的笔记本页面（jupytext percent 格式的 .py）。"""
    return sorted(DOCS.rglob("*.py"))


def snippet_files() -> list[Path]:
    return sorted(SNIPPETS.rglob("*.py"))


def page_url(src_uri: str) -> str:
    """页面源文件（相对 docs/）→ 站点内的目录式地址。"""
    path = PurePosixPath(src_uri).with_suffix("")
    if path.name == "index":
        path = path.parent
    return "" if str(path) == "." else f"{path.as_posix()}/"


ABSOLUTE_LINK = re.compile(r"[a-z][a-z0-9+.-]*:|/")  # 协议（https:、data:、mailto:）或以 / 开头


def link_target(page_url: str, href: str) -> tuple[str, str] | None:
    """构建出的页面（目录式地址 ``page_url``）里的一个相对链接 → （目标的站内地址, 锚点）。
    外部链接、``data:``、以 ``/`` 开头的地址返回 None。"""
    if ABSOLUTE_LINK.match(href):
        return None
    path, _, anchor = html.unescape(href).partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url
    return ("" if target == "." else target.rstrip("/") + "/"), anchor


def source_uris() -> list[str]:
    """站点的全部页面：Markdown、笔记本，以及构建时生成的页面（相对 docs/）。"""
    sources = [p.relative_to(DOCS).as_posix() for p in pages() + notebooks()]
    return sources + list(GENERATED_PAGES)


def page_urls() -> list[str]:
    return [page_url(uri) for uri in source_uris()]


def built_html(site: Path, src_uri: str) -> Path:
    """页面构建出的 HTML 文件。"""
    return site / page_url(src_uri) / "index.html"
