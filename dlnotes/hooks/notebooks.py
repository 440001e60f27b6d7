"""笔记本页面（docs/ 里 jupytext 格式的 .py）：构建时执行，由 mkdocs-jupyter 渲染。

- 一读完配置就在后台线程里开始执行（每个笔记本一个子进程，按内容缓存，见
  ``dlnotes.notebook_runner``），与其余页面的渲染重叠；笔记本页面排到最后渲染，到它们的
  ``on_pre_page`` 才等结果。单元格出错是一条“文件:行号: …”的警告，``--strict`` 下构建失败。
- 渲染出的页面：删掉 nbconvert 模板里指向 cdnjs 的 MathJax、Mermaid 脚本；mkdocs-jupyter
  在每页内联的约 600 KB Jupyter 样式移到一个共用的样式文件里，再用 purgecss 裁掉没用到的规则；
  标题下加一段说明，并提供执行后的 .ipynb 下载。
"""

from __future__ import annotations

import base64
import html
import itertools
import os
import re
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from dlnotes import notebook_runner
from dlnotes.paths import NODE_MODULES, built_html

log = get_plugin_logger("notebooks")
PURGECSS = NODE_MODULES / ".bin" / "purgecss"
NOTEBOOK_CSS = "assets/stylesheets/notebook.css"

_executions: dict[Path, Future[Path]] = {}
_pool: ThreadPoolExecutor | None = None
_styles: dict[str, None] = {}  # 按出现顺序去重的 Jupyter 样式
_notebook_pages: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _pool
    if not PURGECSS.is_file():
        raise PluginError(f"npm 依赖没有安装（缺少 {PURGECSS}）：先运行 `make setup`。")
    _pool = _pool or ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    _executions.clear()
    _styles.clear()
    _notebook_pages.clear()
    for notebook in notebook_runner.notebooks():
        _executions[notebook] = _pool.submit(notebook_runner.execute, notebook)
    return config


@event_priority(-50)  # 在 mkdocs-jupyter 把 .py 认作页面之后
def on_files(files: Files, config: MkDocsConfig) -> Files:
    notebooks = [f for f in files.documentation_pages() if f.src_uri.endswith(".py")]
    return Files([f for f in files if f not in notebooks] + notebooks)


@event_priority(50)  # 在 mkdocs-jupyter 读取笔记本之前换成执行后的 .ipynb
def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    source = page.file.abs_src_path
    execution = _executions.pop(Path(source), None) if source else None
    if execution is not None:
        try:
            page.file.abs_src_path = str(execution.result())
        except notebook_runner.NotebookError as error:
            log.warning(str(error))
    return page


NOTE = (
    '<div class="admonition info notebook-note">'
    '<p class="admonition-title">这一页是构建时执行的 Notebook</p>'
    "<p>源文件 <code>docs/{src}</code>（jupytext 格式）在每次构建时从头执行，"
    "页面上的图和输出都来自这次执行，其中的 <code>assert</code> 全部通过。"
    '<a href="{name}" download>下载执行后的 {name}</a></p></div>'
)
# nbconvert 的模板无条件放进页面的 MathJax 与 Mermaid 加载脚本（指向 cdnjs）
CDN_SCRIPTS = re.compile(
    r'<script src="">\s*</script>\s*'
    r'|<script type="text/x-mathjax-config">.*?</script>\s*'
    r'|<script type="module">(?:(?!</script>).)*?https://cdnjs\.cloudflare\.com.*?</script>\s*',
    re.DOTALL,
)
STYLE = re.compile(r"<style[^>]*>(?P<css>.*?)</style>\s*", re.DOTALL)
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def _move_styles(html: str) -> str:
    inside_svg = [(m.start(), m.end()) for m in SVG.finditer(html)]

    def move(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in inside_svg):
            return match[0]  # 图里自带的样式留在图里
        css = match["css"].strip()
        # "['pre {…" 是 mkdocs-jupyter 把样式列表直接转成字符串的产物，重复且无效
        if not css.startswith("['"):
            _styles.setdefault(css)
        return ""

    return STYLE.sub(move, html)


# nbconvert 给汉字标题的 id 是空的（<h1 id="">…<a class="anchor-link" href="#">¶</a>），而目录和
# “跳到正文”的链接指向 mkdocs-jupyter 算出的锚点：按顺序补上这些锚点
EMPTY_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="">(?P<title>.*?)<a class="anchor-link" href="#">'
)


def _anchors(items) -> list[str]:
    return [anchor for item in items for anchor in (item.id, *_anchors(item.children))]


def _name_headings(html: str, page: Page) -> str:
    anchors = iter(_anchors(page.toc.items))

    def name(match: re.Match[str]) -> str:
        anchor = next(anchors, "") or f"section-{match.start()}"
        return (
            f'<h{match["level"]} id="{anchor}">{match["title"]}'
            f'<a class="anchor-link" href="#{anchor}">'
        )

    return EMPTY_HEADING.sub(name, html)


# mkdocs-jupyter 把 SVG 图写成 <img src="data:image/svg+xml;base64,…">：图片里的 currentColor
# 只能是黑色（深色模式下轴和文字看不见），base64 又大了三分之一。换成内嵌的 <svg>。
SVG_IMAGE = re.compile(
    r'<img alt="[^"]*" src="data:image/svg\+xml;base64,(?P<data>[A-Za-z0-9+/=]+)"\s*/?>'
)
SVG_ID = re.compile(r'\bid="([^"]+)"')
# matplotlib 在每段文字前写一条注释（文字本身转成了路径）：<!-- 训练损失 -->
SVG_TEXT = re.compile(r"<!--\s*(.*?)\s*-->")


def _inline_svg(match: re.Match[str], number: int) -> str:
    svg = base64.b64decode(match["data"]).decode("utf8")
    prefix = f"fig{number}-"  # 同一页的几张图里有同名的字形定义：id 加上前缀，不重复
    for name in sorted(set(SVG_ID.findall(svg)), key=len, reverse=True):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}{name}"')
        svg = svg.replace(f'"#{name}"', f'"#{prefix}{name}"').replace(
            f"(#{name})", f"(#{prefix}{name})"
        )
    words = [t for t in SVG_TEXT.findall(svg) if not re.fullmatch(r"[\d.\-−+$\\{}^a-z]*", t)]
    label = "图：" + "；".join(dict.fromkeys(words)) if words else "图"
    return re.sub(
        r"<svg\b",
        f'<svg role="img" aria-label="{html.escape(label)}"',
        SVG_TEXT.sub("", svg),
        count=1,
    )


def _inline_figures(page_html: str) -> str:
    number = itertools.count(1)
    return SVG_IMAGE.sub(lambda m: _inline_svg(m, next(number)), page_html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".py"):
        return html
    html = _name_headings(_move_styles(CDN_SCRIPTS.sub("", html)), page)
    html = _inline_figures(html)
    _notebook_pages.append(page.file.src_uri)
    href = get_relative_url(NOTEBOOK_CSS, page.url)
    html = f'<link rel="stylesheet" href="{href}">\n' + html
    note = NOTE.format(src=page.file.src_uri, name=Path(page.file.abs_src_path).name)
    head, sep, rest = html.partition("</h1>")
    return head + sep + note + rest if sep else note + html


def on_post_build(config: MkDocsConfig) -> None:
    if not _styles:
        return
    site = Path(config.site_dir)
    out = site / NOTEBOOK_CSS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(_styles), encoding="utf8")
    # JupyterLab 的整套样式约 590 KB，笔记本页面只用到很少一部分：purgecss 按笔记本页面的
    # HTML 和 mkdocs-material 的脚本裁掉没用到的规则和 CSS 变量
    pages = [built_html(site, uri) for uri in _notebook_pages]
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    proc = subprocess.run(
        [str(PURGECSS), "--variables", "--keyframes", "--font-face", "--css", str(out),
         "--content", *map(str, pages + bundles), "--output", str(out.parent)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if proc.returncode != 0:
        raise PluginError(f"purgecss 失败：{proc.stderr[-2000:]}")
