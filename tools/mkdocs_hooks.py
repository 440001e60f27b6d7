"""MkDocs 钩子：本站在 mkdocs-material 之上做的全部构建步骤，按出现顺序：

- 发布 KaTeX：脚本、样式和字体来自 ``node_modules/katex/dist``（``package-lock.json`` 锁定，
  ``npm ci`` 安装），构建时复制到 ``site/assets/katex/``；页面不从任何其他主机加载资源。
- ``````diagram`` 代码块换成 ``tools/diagrams.py`` 生成的内嵌 SVG 结构图。
- 笔记本页面（``docs/`` 里 jupytext 格式的 ``.py``）：构建一开始就在后台执行（按内容缓存，
  见 ``tools/notebook_runner.py``），mkdocs-jupyter 渲染执行后的 ``.ipynb``；单元格出错是一条
  “文件:行号: …”的警告，``--strict`` 下构建失败。共用的 Jupyter 样式移出页面、用 purgecss 裁剪。
- 页脚（仓库链接）、每页的最后更新日期（git log）和描述（正文第一段）。
- 术语表与面试题索引：由 ``tools/reading_aids.py`` 从其他页面渲染后的 HTML 生成。
- 只含一行 ``--8<-- "chapter/file.py"`` 的代码块自动加上 ``title="snippets/…"``：读者一眼就能
  看出这段代码就是测试套件运行过的那个文件。
- 搜索：代码块不进索引，索引改写成 UTF-8，修正 mkdocs-material 搜索 worker 切分中文查询的缺陷。
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import diagrams
import notebook_runner
import reading_aids
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = get_plugin_logger("dl-notes")
ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
KATEX_FILES = ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]
PURGECSS = ROOT / "node_modules" / ".bin" / "purgecss"

# ```python            <- 代码块开头，可带缩进（内容标签页、折叠块里）
# --8<-- "a/b.py"      <- 唯一的一行：引用 snippets/a/b.py（可带 :section）
# ```
INCLUDE_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>python|py)[ \t]*\n"
    r'(?P=indent)--8<--[ \t]+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"[ \t]*\n'
    r"(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE,
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    missing = [KATEX_DIST / name for name in KATEX_FILES] + [PURGECSS]
    missing = [path for path in missing if not path.is_file()]
    if missing:
        raise PluginError(
            f"npm 依赖没有安装（缺少 {missing[0]}）：先运行 `make setup`（会执行 npm ci）。"
        )
    # ```diagram 代码块：由 tools/diagrams.py 生成的内嵌 SVG 结构图
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(fence["name"] == "diagram" for fence in fences):
        fences.append({"name": "diagram", "class": "diagram", "format": diagrams.fence_format})
    _notebook_css.clear()
    _last_updated.clear()
    _last_updated.update(_git_dates())
    config.copyright = _footer()
    _notebook_pages.clear()
    _start_notebooks()
    return config


# 笔记本的执行与其余页面的渲染重叠：一读完配置就在后台线程启动执行（每个笔记本一个子进程），
# 笔记本页面排到最后渲染，到它们的 on_pre_page 时才等结果。
_executions: dict[Path, Future[Path]] = {}
_pool: ThreadPoolExecutor | None = None


def _start_notebooks() -> None:
    global _pool
    _pool = _pool or ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    _executions.clear()
    for notebook in notebook_runner.notebooks():
        _executions[notebook] = _pool.submit(notebook_runner.execute, notebook)


@event_priority(-50)  # 在 mkdocs-jupyter 把 .py 认作页面之后
def on_files(files: Files, config: MkDocsConfig) -> Files:
    notebooks = [f for f in files.documentation_pages() if f.src_uri.endswith(".py")]
    # 生成的阅读辅助页排在最后：渲染它们时其他页面都已渲染完
    generated = [File.generated(config, uri, content=f"# {title}\n") for uri, title in AIDS.items()]
    files = Files([f for f in files if f not in notebooks] + notebooks + generated)

    sources = [KATEX_DIST / name for name in KATEX_FILES]
    sources += sorted((KATEX_DIST / "fonts").glob("*.woff2"))
    for source in sources:
        uri = "assets/katex/" + source.relative_to(KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files


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


# ------------------------------------------------------------------ 页脚、更新日期、页面描述


def _repository() -> str | None:
    """仓库地址：部署时的 GitHub Actions 环境变量，或本地 git 的 origin（https 地址时）。"""
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


def _footer() -> str:
    text = "深度学习笔记 · 页面上的每段 Python 代码都由测试套件运行并核对过"
    repo = _repository()
    return f'{text} · <a href="{repo}">源代码仓库</a>' if repo else text


_last_updated: dict[str, str] = {}


def _git_dates() -> dict[str, str]:
    """docs/ 下每个文件最后一次提交的日期（一次 git log 读出全部）。"""
    proc = subprocess.run(
        ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    dates: dict[str, str] = {}
    date = ""
    for line in proc.stdout.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line.startswith("docs/") and line not in dates:
            dates[line.removeprefix("docs/")] = date
    return dates


def _describe_page(html: str, page: Page) -> None:
    """页面描述（搜索引擎和分享卡片用）：没写 description 的页面取正文第一段。"""
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


MATH = re.compile(r'<span class="arithmatex">.*?</span>\s*', re.DOTALL)
PARAGRAPH = re.compile(r"<p>((?:(?!</p>).)+)</p>", re.DOTALL)
ADMONITION = re.compile(r'<div class="admonition[^"]*">.*?</div>', re.DOTALL)


# ------------------------------------------------------------------ 阅读辅助页
# 术语表和面试题索引由 tools/reading_aids.py 从其他页面渲染后的 HTML 生成，不手工维护。
AIDS = reading_aids.PAGES
_rendered: dict[str, reading_aids.RenderedPage] = {}
_nav: Navigation | None = None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    _rendered.clear()
    return nav


@event_priority(-100)  # 在其他处理之后，记下读者看到的正文
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = _page_content(html, page)
    _describe_page(html, page)
    if date := _last_updated.get(page.file.src_uri):
        page.meta["git_revision_date_localized"] = date
    if page.file.src_uri not in AIDS:
        chapter = page.parent.title if page.parent else ""
        _rendered[page.url] = reading_aids.RenderedPage(page.url, page.title or "", chapter, html)
    return html


def _aid_markdown(page: Page) -> str:
    order = {p.url: i for i, p in enumerate(_nav.pages)} if _nav else {}
    rendered = sorted(_rendered.values(), key=lambda p: order.get(p.url, len(order)))
    make = reading_aids.glossary_markdown if page.file.src_uri == "glossary.md" else None
    text = (make or reading_aids.questions_markdown)(rendered)
    # 链接写成源文件（mkdocs 会检查页面和锚点是否存在）：../a/b/#x → a/b.md#x
    sources = {p.url: p.file.src_uri for p in (_nav.pages if _nav else [])}

    def to_source(match: re.Match[str]) -> str:
        target = sources.get(match["url"])
        return f"]({target}{match['anchor'] or ''})" if target else match[0]

    return AID_LINK.sub(to_source, text)


AID_LINK = re.compile(r"\]\(\.\./(?P<url>[^)#\s]*)(?P<anchor>#[^)\s]*)?\)")


def _add_title(match: re.Match[str]) -> str:
    title = f"snippets/{match['path']}"
    if match["section"]:
        title += f"（节选：{match['section']}）"
    indent, fence = match["indent"], match["fence"]
    include = f'--8<-- "{match["path"]}' + (f':{match["section"]}"' if match["section"] else '"')
    return f'{indent}{fence}{match["lang"]} title="{title}"\n{indent}{include}\n{indent}{fence}'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in AIDS:
        return _aid_markdown(page)
    return INCLUDE_FENCE.sub(_add_title, markdown)


NOTEBOOK_NOTE = (
    '<div class="admonition info notebook-note">'
    '<p class="admonition-title">这一页是构建时执行的 Notebook</p>'
    "<p>源文件 <code>docs/{src}</code>（jupytext 格式）在每次构建时从头执行，"
    "页面上的图和输出都来自这次执行，其中的 <code>assert</code> 全部通过。"
    '<a href="{name}" download>下载执行后的 {name}</a></p></div>'
)


# nbconvert 的模板无条件放进页面的 MathJax 与 Mermaid 加载脚本（指向 cdnjs）。公式由随站点
# 发布的 KaTeX 渲染，笔记本里也没有 Mermaid，这些脚本只会向外网发请求，所以删掉。
CDN_SCRIPTS = re.compile(
    r'<script src="">\s*</script>\s*'
    r'|<script type="text/x-mathjax-config">.*?</script>\s*'
    r'|<script type="module">(?:(?!</script>).)*?https://cdnjs\.cloudflare\.com.*?</script>\s*',
    re.DOTALL,
)


# mkdocs-jupyter 在每个笔记本页面里内联约 600 KB 一模一样的 Jupyter 样式。把它们移到一个
# 共享的样式文件里：页面小了一个数量级，浏览器只下载一次，搜索插件也不用逐页解析它们。
# 末尾那段 "['pre {…" 是 mkdocs-jupyter 把样式列表直接转成字符串的产物，重复且无效，丢掉。
STYLE = re.compile(r"<style[^>]*>(?P<css>.*?)</style>\s*", re.DOTALL)
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
NOTEBOOK_CSS = "assets/stylesheets/notebook.css"
_notebook_css: dict[str, None] = {}  # 按出现顺序去重
_notebook_pages: list[str] = []


def _move_styles(html: str) -> str:
    inside_svg = [(m.start(), m.end()) for m in SVG.finditer(html)]

    def move(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in inside_svg):
            return match[0]  # 图里自带的样式留在图里
        css = match["css"].strip()
        if not css.startswith("['"):
            _notebook_css.setdefault(css)
        return ""

    return STYLE.sub(move, html)


# 代码块（和笔记本的代码单元格、输出）不进搜索索引：读者搜的是概念，代码里的标识符在正文里
# 也都出现；代码原先占了索引的一大半，读者第一次搜索时要下载整个索引。
CODE_BLOCK = re.compile(r'<div class="(?=[^"]*\b(?:highlight|jp-InputArea|jp-OutputArea)\b)')


def _page_content(html: str, page: Page) -> str:
    html = CODE_BLOCK.sub('<div data-search-exclude class="', html)
    if not page.file.src_uri.endswith(".py"):
        return html
    html = CDN_SCRIPTS.sub("", html)
    html = _move_styles(html)
    _notebook_pages.append(page.file.src_uri)
    href = get_relative_url(NOTEBOOK_CSS, page.url)
    html = f'<link rel="stylesheet" href="{href}">\n' + html
    note = NOTEBOOK_NOTE.format(src=page.file.src_uri, name=Path(page.file.abs_src_path).name)
    head, sep, rest = html.partition("</h1>")
    return head + sep + note + rest if sep else note + html


@event_priority(-100)  # 在搜索插件写出索引之后
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    # 搜索插件按 ASCII 转义写索引：每个汉字 6 个字节（\uXXXX）。改写成 UTF-8，文件小 40 %。
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text("utf8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf8")
    _fix_search_worker(site)
    if _notebook_css:
        _purge_notebook_css(site)


# mkdocs-material 9.8.1 搜索 worker 切分中文查询时的两处缺陷（在浏览器测试里发现）：
# 1. 找词典里的词时切片不到查询末尾（o<t.length），整句查询或最后一个字永远不算一个词，
#    “主成分分析”被切成“主成分* 分*”；
# 2. 切出的词之间用 "* " 连接，除最后一个外都变成前缀通配，排名的“全部词命中”加分失效。
# 升级 mkdocs-material 后这里找不到原文就让构建失败，提醒重新检查。
SEARCH_WORKER_FIXES = [
    (
        "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e",
        "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e",
    ),
    (
        's=>[...fe(s,this.index.invertedIndex)].join("* ")',
        's=>[...fe(s,this.index.invertedIndex)].join(" ")',
    ),
]


def _fix_search_worker(site: Path) -> None:
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        code = worker.read_text("utf8")
        for old, new in SEARCH_WORKER_FIXES:
            if code.count(old) != 1:
                raise PluginError(f"{worker.name} 里找不到要修正的代码 {old!r}：检查新版是否已修复")
            code = code.replace(old, new)
        worker.write_text(code, "utf8")


def _purge_notebook_css(site: Path) -> None:
    out = site / NOTEBOOK_CSS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(_notebook_css), encoding="utf8")
    # JupyterLab 的整套样式约 590 KB，笔记本页面只用到其中很少一部分：用 purgecss（npm）
    # 按笔记本页面的 HTML 和 mkdocs-material 的脚本裁掉没用到的规则和 CSS 变量。
    notebook_pages = [site / Path(uri).with_suffix("") / "index.html" for uri in _notebook_pages]
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    proc = subprocess.run(
        [str(PURGECSS), "--variables", "--keyframes", "--font-face", "--css", str(out),
         "--content", *map(str, notebook_pages + bundles), "--output", str(out.parent)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if proc.returncode != 0:
        raise PluginError(f"purgecss 失败：{proc.stderr[-2000:]}")
