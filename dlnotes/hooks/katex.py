"""发布 KaTeX 的样式和字体：来自 ``node_modules/katex/dist``（package-lock.json 锁定，``npm ci``
安装），构建时复制到 ``site/assets/katex/``。公式在构建时就排版好了（``math`` 钩子），页面不加载
KaTeX 的脚本，也不从任何其他主机加载资源。

样式用 ``katex-swap.min.css``（字体加载时先显示后备字体，不阻塞文字显示）；字体只发布 woff2，
并裁剪到全站公式用到的字符（``dlnotes.katex_fonts``）：浏览器只下载页面上的公式用到的那几个。
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from dlnotes import katex_fonts
from dlnotes.paths import NODE_MODULES

KATEX_DIST = NODE_MODULES / "katex" / "dist"
STYLESHEET = "katex-swap.min.css"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    katex_fonts.used.clear()
    if not (KATEX_DIST / STYLESHEET).is_file():
        raise PluginError(
            f"npm 依赖没有安装（缺少 {KATEX_DIST / STYLESHEET}）：先运行 `make setup`。"
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for source in [KATEX_DIST / STYLESHEET, *sorted((KATEX_DIST / "fonts").glob("*.woff2"))]:
        uri = "assets/katex/" + source.relative_to(KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files


@event_priority(-100)  # 所有页面都排版完之后
def on_post_build(config: MkDocsConfig) -> None:
    katex_fonts.subset(Path(config.site_dir) / "assets" / "katex" / "fonts")
