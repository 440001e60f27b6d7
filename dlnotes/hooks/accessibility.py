"""无障碍：让 axe-core 在每一页（浅色、深色）都找不到问题。主题文件一概不改，只在构建出的
页面和脚本上做几处精确替换；升级 mkdocs-material 后找不到原文就让构建失败，提醒重新检查。

- 页面底部“最后更新”的 ``<aside>`` 在正文（main）里面，补充内容的地标不能嵌在别的地标里：
  换成 ``<div>``；
- 代码块的“复制”按钮组是主题的脚本生成的 ``<nav>``，一页几十个同名的导航地标：换成
  ``role="toolbar"`` 的 ``<div>``；
- 有首页的章节在导航里的子目录用一个只有图标的按钮做名字：按钮和子目录都写上章名；
- 对比表格左上角的空表头补上只给读屏软件的文字；
- 目录（TOC）里的子目录用小节标题做名字，会和侧边导航里同名的章节重名（面试题索引的“基础”
  既是小节也是章）：目录里的加上“目录：”前缀；
- 能横向滚动的区域要能用键盘聚焦：独立公式（``.katex-display``）、笔记本的代码单元格和
  宽表格的滚动容器（主题的脚本生成）加上 ``tabindex="0"``。

配色（代码注释、导航标签的对比度）和正文链接的下划线在 ``docs/stylesheets/extra.css`` 里。
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# 对比表格左上角的空表头（“| | A | B |”）：读屏软件要有文字，给一个只有读屏软件读的名字
EMPTY_HEADER = ("<th></th>", '<th><span class="visually-hidden">对比项</span></th>')
# 导航里有首页的章节（navigation.indexes）：章名是链接，旁边展开子目录的按钮只有图标，而子目录的
# <nav> 用这个空按钮做名字，几个章节的导航地标就都没有名字。给按钮和子目录都写上章名。
SECTION = re.compile(
    r'(<span class="md-ellipsis">\s*(?P<title>[^<]+?)\s*</span>\s*</a>\s*'
    r'<label class="md-nav__link[^"]*" for="(?P<id>__nav_[\d_]+)" id="(?P=id)_label")'
)


def _name_sections(output: str) -> str:
    titles = {m["id"]: m["title"] for m in SECTION.finditer(output)}
    output = SECTION.sub(lambda m: f'{m[1]} aria-label="展开“{m["title"]}”"', output)
    for nav_id, title in titles.items():
        output = output.replace(f'aria-labelledby="{nav_id}_label"', f'aria-label="{title}"')
    return output


# 目录里的子目录（partials/toc-item.html）；侧边导航的子目录带 data-md-level，不会匹配
TOC_SUBNAV = ('<nav class="md-nav" aria-label="', '<nav class="md-nav" aria-label="目录：')

SOURCE_FILE = re.compile(r'<aside class="md-source-file">(?P<body>.*?)</aside>', re.DOTALL)
# 能横向滚动、需要能聚焦的元素
SCROLLABLE = re.compile(
    r'<(span class="katex-display"|div (?:data-pagefind-ignore )?class="highlight-ipynb[^"]*")'
)
BUNDLE_PATCHES = [
    (
        'x("nav",{class:"md-code__nav"})',
        'x("div",{class:"md-code__nav",role:"toolbar","aria-label":"代码块"})',
    ),
    (  # 宽表格外面的滚动容器
        'x("div",{class:"md-typeset__scrollwrap"}',
        'x("div",{class:"md-typeset__scrollwrap",tabIndex:0}',
    ),
]


def apply(text: str, patches: list[tuple[str, str]], name: str) -> str:
    """逐条精确替换；原文和替换后的文字都找不到时（主题改了）抛出 PluginError。"""
    for old, new in patches:
        if old in text:
            text = text.replace(old, new)
        elif new not in text:
            raise PluginError(
                f"{name} 里找不到要修改的 {old!r}：mkdocs-material 升级后请重新检查无障碍修正"
            )
    return text


@event_priority(-120)  # 在公式排版（math 钩子）之后
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = SOURCE_FILE.sub(r'<div class="md-source-file">\g<body></div>', output)
    output = _name_sections(output.replace(*EMPTY_HEADER).replace(*TOC_SUBNAV))
    return SCROLLABLE.sub(r'<\1 tabindex="0"', output)


def on_post_build(config: MkDocsConfig) -> None:
    bundles = sorted((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("找不到 mkdocs-material 的 bundle.*.min.js")
    for bundle in bundles:
        bundle.write_text(apply(bundle.read_text("utf8"), BUNDLE_PATCHES, bundle.name), "utf8")
