"""按读者看到的样子解析页面：给 pytest-markdown-docs 用的 markdown-it 解析器。

纯 CommonMark 把缩进在内容标签页、提示框、折叠块里的代码块读成“缩进代码”，
pytest-markdown-docs 就会悄悄漏掉它们；只有一行 ``--8<--`` 的代码块也不是读者看到的代码。
这里的解析器先展开容器，再把引用换成代码文件的内容，并记下每一行来自文件的哪一行。
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from pymdownx.snippets import SnippetMissingError

from dlnotes.includes import ANY_INCLUDE, INCLUDE_LINE, expand, source_lines
from dlnotes.paths import SNIPPETS

PYTHON_LANGS = {"py", "python", "python3"}
# mkdocs-material 的容器：提示框 !!!、折叠块 ???/???+、内容标签页 ===/===+
CONTAINER = re.compile(r"^(?P<indent> *)(?:!!!|\?\?\?\+?|===\+?)[ \t]")


def unwrap_containers(text: str) -> str:
    """把容器的标记行换成空行、容器体左移 4 格，行号保持不变；嵌套的容器继续向下处理。"""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        match = CONTAINER.match(line)
        if not match:
            continue
        body_indent = len(match["indent"]) + 4
        lines[i] = ""
        for j in range(i + 1, len(lines)):
            body = lines[j]
            if not body.strip():
                continue
            if len(body) - len(body.lstrip(" ")) < body_indent:
                break
            lines[j] = body[4:]
    return "\n".join(lines)


@dataclass(frozen=True)
class Expansion:
    """一个引用代码块展开后的内容来自哪个文件，以及每一行在文件里的行号。"""

    snippet: Path
    line_numbers: tuple[int, ...]


# 代码块内容 → 它来自哪个文件（运行器据此报告正确的文件和行号）
EXPANSIONS: dict[str, Expansion] = {}
# 代码块内容（那一行引用）→ 展开失败的原因
BROKEN_INCLUDES: dict[str, str] = {}


def _expand_includes(state: StateCore) -> None:
    for token in state.tokens:
        if token.type != "fence" or not ANY_INCLUDE.search(token.content):
            continue
        lines = token.content.rstrip("\n").split("\n")
        match = INCLUDE_LINE.match(lines[0]) if len(lines) == 1 else None
        if match is None:
            BROKEN_INCLUDES[token.content] = (
                '引用代码块只能有一行 --8<-- "chapter/file.py"（可带 :section），不能混写其他代码'
            )
            token.info += " runner:BrokenIncludeRunner"
            continue
        try:
            expanded = expand(lines[0])
        except SnippetMissingError as error:
            BROKEN_INCLUDES[token.content] = f"{error}（在 snippets/ 下找不到）"
            token.info += " runner:BrokenIncludeRunner"
            continue
        snippet = SNIPPETS / match["path"]
        content_lines = [*expanded, ""]  # 代码块内容以换行结尾
        content = "\n".join(content_lines)
        original = snippet.read_text("utf8").split("\n")
        EXPANSIONS[content] = Expansion(snippet, source_lines(content_lines, original))
        token.content = content
        token.info += " runner:SnippetRunner"


def _unwrap(state: StateCore) -> None:
    state.src = unwrap_containers(state.src)


def reader_markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.core.ruler.after("normalize", "unwrap_containers", _unwrap)
    md.core.ruler.after("block", "expand_includes", _expand_includes)
    return md


def python_fences(page: Path) -> list[int]:
    """页面里会被执行的 Python 代码块（与 pytest-markdown-docs 收集的一致）的起始行号。"""
    from pytest_markdown_docs.plugin import FenceSyntax, extract_fence_tests

    tests = extract_fence_tests(
        reader_markdown_it(),
        page.read_text("utf8"),
        start_line_offset=0,
        source_path=page,
        fence_syntax=FenceSyntax.superfences,
    )
    return [test.start_line for test in tests]
