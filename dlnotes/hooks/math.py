"""公式在构建时排版成 KaTeX 的 HTML：读者的浏览器里不运行任何排版脚本，只加载 KaTeX 的样式和
用到的字体。

- Markdown 页面：arithmatex（generic 模式）把 ``$…$``、``$$…$$`` 变成 ``.arithmatex`` 元素里的
  ``\\(…\\)``、``\\[…\\]``。笔记本页面（mkdocs-jupyter）的 Markdown 单元格里是原样的 ``$…$``，
  先换成同样的元素，加上 ``data-pagefind-ignore``：搜索索引不收公式。
- 搜索插件读完正文之后，在最终的 HTML 上排版（``on_post_page``）：正文里的公式，以及目录里
  小节标题中的公式（主题用标题的纯文字，公式留着 ``\\(…\\)``）。
- 一页的全部公式一次交给一个常驻的 Node 进程（``dlnotes/katex_server.js``，用 npm 安装的
  KaTeX），整个构建只启动一次。
- TeX 有错（包括 KaTeX 严格模式认为不规范的写法）是一条“页面:行号: …”的警告，
  ``--strict`` 下构建失败。
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import threading

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dlnotes import katex_fonts
from dlnotes.paths import DOCS, NODE_MODULES, PACKAGE, rel

log = get_plugin_logger("math")
SERVER = PACKAGE / "katex_server.js"
KATEX = NODE_MODULES / "katex"

# <span class="arithmatex">\(…\)</span>（行内）、<div class="arithmatex">\[…\]</div>（独立）
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex"(?P<attrs>[^>]*)>\s*'
    r"\\(?P<open>[(\[])(?P<tex>.*?)\\[)\]]\s*</(?P=tag)>",
    re.DOTALL,
)
OPENING = re.compile(r'<(span|div) class="arithmatex">')
# 目录里的小节标题：<span class="md-ellipsis">\(\gamma\) 和 \(\beta\) 的作用</span>
NAV_TITLE = re.compile(r'(<span class="md-ellipsis">)(?P<title>[^<]*\\\(.*?)(</span>)', re.DOTALL)
INLINE_TEX = re.compile(r"\\\((?P<tex>.*?)\\\)", re.DOTALL)
# 笔记本的 Markdown 单元格：标签与标签之间的文字里的 $$…$$ 和 $…$
NOTEBOOK_MARKDOWN = re.compile(
    r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)'
    r'(?P<body>.*?)(?=<div class="jp-Cell|\Z)',
    re.DOTALL,
)
TAG = re.compile(r"(<[^>]+>)")
DOLLARS = re.compile(
    r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$\s](?:[^$]*?[^$\s])?)\$", re.DOTALL
)


class _Renderer:
    """常驻的 Node 进程；一次请求排版一页的全部公式。"""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def render(self, items: list[tuple[str, bool]]) -> list[dict[str, str]]:
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                node = shutil.which("node")
                if node is None:
                    raise PluginError("构建时排版公式需要 Node.js（node 不在 PATH 上）")
                self._process = subprocess.Popen(
                    [node, str(SERVER), str(KATEX)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf8",
                )  # fmt: skip
            assert self._process.stdin and self._process.stdout
            request = [{"tex": tex, "display": display} for tex, display in items]
            self._process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self._process.stdin.flush()
            answer = self._process.stdout.readline()
            if not answer:
                raise PluginError("KaTeX 排版进程意外退出")
            return json.loads(answer)

    def close(self) -> None:
        if self._process is not None:
            self._process.stdin.close()  # type: ignore[union-attr]
            self._process.wait(timeout=10)
            self._process = None


_renderer = _Renderer()


def on_shutdown() -> None:
    _renderer.close()


@event_priority(-110)  # 最后：术语表、面试题索引、页面描述读的都是 TeX 源码
def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.endswith(".py"):
        html_text = NOTEBOOK_MARKDOWN.sub(lambda m: m[1] + _notebook_math(m["body"]), html_text)
    return OPENING.sub(r'<\1 class="arithmatex" data-pagefind-ignore>', html_text)


def _notebook_math(body: str) -> str:
    """笔记本 Markdown 单元格里代码以外的文字：$$…$$ 和 $…$ 换成 arithmatex 的元素。"""
    parts = TAG.split(body)
    in_code = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            name = re.match(r"</?(\w+)", part)
            if name and name[1] in ("code", "pre"):
                in_code += -1 if part.startswith("</") else 1
        elif not in_code:
            parts[index] = DOLLARS.sub(
                lambda m: (
                    f'<span class="arithmatex">\\[{m["display"]}\\]</span>'
                    if m["display"] is not None
                    else f'<span class="arithmatex">\\({m["inline"]}\\)</span>'
                ),
                part,
            )
    return "".join(parts)


@event_priority(-110)  # 搜索插件读完正文之后，在最终的 HTML 上排版
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    found: list[tuple[str, bool]] = []

    def hold(tex: str, display: bool) -> str:
        found.append((html.unescape(tex), display))
        return f"\x00{len(found) - 1}\x00"

    text = ARITHMATEX.sub(
        lambda m: (
            f'<{m["tag"]} class="arithmatex"{m["attrs"]}>'
            + hold(m["tex"], m["open"] == "[")
            + f"</{m['tag']}>"
        ),
        output,
    )
    text = NAV_TITLE.sub(
        lambda m: m[1] + INLINE_TEX.sub(lambda t: hold(t["tex"], False), m["title"]) + m[3], text
    )
    if not found:
        return output
    results = _renderer.render(found)
    source_path = DOCS / page.file.src_uri
    source = source_path.read_text("utf8") if source_path.is_file() else ""
    for (tex, _), result in zip(found, results, strict=True):
        katex_fonts.record(result.get("html", ""))
        if "error" in result:
            log.warning(
                f"{rel(source_path)}:{_line_of(tex, source)}: 公式排版失败：{result['error']}"
            )
    return re.sub("\x00(\\d+)\x00", lambda m: results[int(m[1])].get("html", ""), text)


def _line_of(tex: str, source: str) -> int:
    """公式在源文件里的行号（找不到时为 1）。"""
    first = tex.strip().splitlines()[0] if tex.strip() else ""
    for probe in (tex, first):
        index = source.find(probe) if probe else -1
        if index >= 0:
            return source.count("\n", 0, index) + 1
    return 1
