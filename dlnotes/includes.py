"""引用代码文件的语法（``--8<--``）：全项目只在这里定义。

页面里的写法只有一种，一个代码块里只有一行引用::

    ```python
    --8<-- "chapter/file.py"            整个文件
    --8<-- "chapter/file.py:section"    文件里 [start:section] 与 [end:section] 两个标记之间
    ```

展开由 pymdownx.snippets 完成（``expand`` 用 mkdocs.yml 里的同一份配置），所以测试展开的结果
与站点上显示的逐字相同。
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.utils.yaml import yaml_load

from dlnotes.paths import ROOT, SNIPPETS, pages, rel

TARGET = r'"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"'
# 一行引用：可带缩进（内容标签页、提示框、折叠块里）
INCLUDE_LINE = re.compile(rf"^(?P<indent>[ \t]*)--8<--[ \t]+{TARGET}[ \t]*$")
# 任何看起来像引用的东西（用来找出不支持的写法）
ANY_INCLUDE = re.compile(r"-+8<-+")
# 只含一行引用的 Python 代码块
INCLUDE_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>python|py)[ \t]*\n"
    rf"(?P=indent)--8<--[ \t]+{TARGET}[ \t]*\n"
    r"(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE,
)
SECTION_MARKER = re.compile(r"#\s*-+8<-+\s*\[(start|end):([\w-]+)\]")


@dataclass(frozen=True)
class Include:
    page: Path
    line: int  # 在页面里的行号（从 1 开始）
    path: str  # 相对 snippets/
    section: str | None

    @property
    def where(self) -> str:
        return f"{rel(self.page)}:{self.line}"

    @property
    def file(self) -> Path:
        return SNIPPETS / self.path


def includes(page: Path) -> list[Include]:
    found = []
    for number, text in enumerate(page.read_text("utf8").splitlines(), start=1):
        if match := INCLUDE_LINE.match(text):
            found.append(Include(page, number, match["path"], match["section"]))
    return found


def all_includes() -> list[Include]:
    return [include for page in pages() for include in includes(page)]


def sections(path: Path) -> set[str]:
    """文件里成对出现的节名。"""
    markers = SECTION_MARKER.findall(path.read_text("utf8"))
    starts = {name for kind, name in markers if kind == "start"}
    return starts & {name for kind, name in markers if kind == "end"}


@functools.cache
def _preprocessor():
    """按 mkdocs.yml 里的配置创建 pymdownx.snippets，展开结果与站点完全一致。"""
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf8"))
    options: dict = {}
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            options = dict(extension["pymdownx.snippets"] or {})
    options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )
    return md.preprocessors["snippet"]


def expand(line: str) -> list[str]:
    """展开一行引用，返回读者看到的代码行；引用不存在时抛出 pymdownx 的 SnippetMissingError。"""
    return _preprocessor().run([line])


def source_lines(expanded: list[str], original: list[str]) -> tuple[int, ...]:
    """展开的内容是原文件去掉节标记后的子序列：顺序匹配出每一行在原文件里的行号。"""
    numbers, j = [], 0
    for text in expanded:
        while j < len(original) and original[j] != text:
            j += 1
        numbers.append(j + 1)
        j += 1
    return tuple(numbers)
