"""发布 KaTeX：脚本、样式和字体来自 ``node_modules/katex/dist``（package-lock.json 锁定，
``npm ci`` 安装），构建时复制到 ``site/assets/katex/``。页面不从任何其他主机加载资源。"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from dlnotes.paths import ROOT

KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
KATEX_FILES = ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    missing = [KATEX_DIST / name for name in KATEX_FILES if not (KATEX_DIST / name).is_file()]
    if missing:
        raise PluginError(
            f"npm 依赖没有安装（缺少 {missing[0]}）：先运行 `make setup`（会执行 npm ci）。"
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sources = [KATEX_DIST / name for name in KATEX_FILES]
    sources += sorted((KATEX_DIST / "fonts").glob("*.woff2"))
    for source in sources:
        uri = "assets/katex/" + source.relative_to(KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files
