"""站内搜索：代码不进索引，索引写成 UTF-8，修正 mkdocs-material 搜索 worker 切分中文查询的缺陷。

- 代码块（和笔记本的代码单元格、输出）加上 ``data-search-exclude``：读者搜的是概念，代码里的
  标识符在正文里也都出现；代码原先占了索引的一大半。
- 搜索插件按 ASCII 转义写索引，每个汉字 6 个字节（``\\uXXXX``）；改写成 UTF-8，小 40 %。
- 搜索 worker 的两处修正见 ``SEARCH_WORKER_FIXES``。升级 mkdocs-material 后找不到原文就让
  构建失败，提醒重新检查；已经修正过的文件（``mkdocs build --dirty``）不再改。
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CODE_BLOCK = re.compile(r'<div class="(?=[^"]*\b(?:highlight|jp-InputArea|jp-OutputArea)\b)')

# mkdocs-material 9.8.1 搜索 worker 切分中文查询时的两处缺陷（在浏览器测试里发现）：
# 1. 找词典里的词时切片不到查询末尾（o<t.length），整句查询或最后一个字永远不算一个词，
#    “主成分分析”被切成“主成分* 分*”；
# 2. 切出的词之间用 "* " 连接，除最后一个外都变成前缀通配，排名的“全部词命中”加分失效。
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


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return CODE_BLOCK.sub('<div data-search-exclude class="', html)


def fix_search_worker(code: str, name: str) -> str:
    for old, new in SEARCH_WORKER_FIXES:
        if code.count(old) == 1:
            code = code.replace(old, new)
        elif code.count(new) != 1:
            raise PluginError(f"{name} 里找不到要修正的代码 {old!r}：检查新版是否已修复")
    return code


@event_priority(-100)  # 在搜索插件写出索引之后
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text("utf8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf8")
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        worker.write_text(fix_search_worker(worker.read_text("utf8"), worker.name), "utf8")
