"""MkDocs 钩子：把 npm 安装的 KaTeX 发布进站点，并给引用代码文件的代码块加上标题。

- KaTeX 的脚本、样式和字体来自 ``node_modules/katex/dist``（由 ``package-lock.json``
  锁定版本，``make`` 里 ``npm ci`` 安装），构建时复制到 ``site/assets/katex/``。
  仓库里不提交第三方库的副本，页面也不从任何其他主机加载资源。
- 只含一行 ``--8<-- "chapter/file.py"`` 的代码块，自动加上 ``title="snippets/…"``，
  读者一眼就能看出这段代码就是测试套件运行过的那个文件。
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
KATEX_FILES = ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]

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
    missing = [name for name in KATEX_FILES if not (KATEX_DIST / name).is_file()]
    if missing:
        raise PluginError(
            f"KaTeX 没有安装（缺少 {KATEX_DIST}/{missing[0]}）："
            "先运行 `make setup`（会执行 npm ci）。"
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sources = [KATEX_DIST / name for name in KATEX_FILES]
    sources += sorted((KATEX_DIST / "fonts").glob("*.woff2"))
    for source in sources:
        uri = "assets/katex/" + source.relative_to(KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files


def _add_title(match: re.Match[str]) -> str:
    title = f"snippets/{match['path']}"
    if match["section"]:
        title += f"（节选：{match['section']}）"
    indent, fence = match["indent"], match["fence"]
    include = f'--8<-- "{match["path"]}' + (f':{match["section"]}"' if match["section"] else '"')
    return f'{indent}{fence}{match["lang"]} title="{title}"\n{indent}{include}\n{indent}{fence}'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return INCLUDE_FENCE.sub(_add_title, markdown)
