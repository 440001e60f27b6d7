"""测试共用的站点模型：页面、代码文件、引用关系，以及“读者看到的”Markdown 解析方式。

所有测试都从这里发现页面和代码文件，没有针对某一页的样板代码。
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mkdocs.utils.yaml import yaml_load
from pymdownx.snippets import SnippetMissingError

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
PYTHON_LANGS = {"py", "python", "python3"}


def rel(path: Path) -> str:
    """仓库内的相对路径，用在错误信息里。"""
    return path.resolve().relative_to(ROOT).as_posix()


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def snippet_files() -> list[Path]:
    return sorted(SNIPPETS.rglob("*.py"))


# --------------------------------------------------------------------------- 引用（--8<--）

# 与 pymdownx.snippets 的单行写法一致：--8<-- "chapter/file.py" 或 "chapter/file.py:section"
INCLUDE_LINE = re.compile(r'^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+"(?P<target>[^"]+)"[ \t]*$')
ANY_INCLUDE = re.compile(r"-{1,}8<-{1,}")


@dataclass(frozen=True)
class Include:
    page: Path
    line: int  # 页面中的行号（从 1 开始）
    path: str  # 相对 snippets/ 的路径
    section: str | None

    @property
    def where(self) -> str:
        return f"{rel(self.page)}:{self.line}"

    @property
    def file(self) -> Path:
        return SNIPPETS / self.path


def parse_target(target: str) -> tuple[str, str | None]:
    path, _, section = target.partition(":")
    return path, section or None


def includes(page: Path) -> list[Include]:
    found = []
    for number, text in enumerate(page.read_text("utf8").splitlines(), start=1):
        match = INCLUDE_LINE.match(text)
        if match:
            path, section = parse_target(match["target"])
            found.append(Include(page, number, path, section))
    return found


def all_includes() -> list[Include]:
    return [inc for page in pages() for inc in includes(page)]


SECTION_MARKER = re.compile(r"#\s*-{1,}8<-{1,}\s*\[(start|end):([\w-]+)\]")


def sections(path: Path) -> set[str]:
    text = path.read_text("utf8")
    starts = {name for kind, name in SECTION_MARKER.findall(text) if kind == "start"}
    ends = {name for kind, name in SECTION_MARKER.findall(text) if kind == "end"}
    return starts & ends


# --------------------------------------------------------------------------- 写在代码里的期望输出

# print 的期望输出写在它下面的注释里：`# > 输出`（ruff format 会把 `#>` 规范成 `# >`，两种都认）
EXPECTED_OUTPUT = re.compile(r"^\s*# ?>(?: (?P<text>.*))?$")


def expected_output(code: str) -> list[tuple[int, str]]:
    """代码里的 ``# > …`` 注释：(在代码里的行号, 期望的那一行输出)。"""
    found = []
    for number, line in enumerate(code.splitlines(), start=1):
        match = EXPECTED_OUTPUT.match(line)
        if match:
            found.append((number, match["text"] or ""))
    return found


def output_mismatch(code: str, stdout: str) -> tuple[int, str] | None:
    """实际输出与 ``# >`` 注释不一致时返回 (行号, 说明)；行号为 0 表示整体不一致。"""
    expected = expected_output(code)
    actual = stdout.splitlines()
    for index, (number, text) in enumerate(expected):
        got = actual[index] if index < len(actual) else "<没有这一行输出>"
        if got != text:
            return number, f"注释写的输出是 {text!r}，实际打印 {got!r}"
    if len(actual) != len(expected):
        return 0, (
            f"打印了 {len(actual)} 行，但只有 {len(expected)} 行 `# > ` 注释；"
            f"多出的输出：{actual[len(expected) :]!r}（每行输出都要写在 print 下面，读者才能对照）"
        )
    return None


# --------------------------------------------------------------------------- 读者看到的代码块

# mkdocs-material 的容器：提示框 !!!、折叠块 ???/???+、内容标签页 ===/===+。
CONTAINER = re.compile(r"^(?P<indent> *)(?:!!!|\?\?\?\+?|===\+?)[ \t]")


def unwrap_containers(text: str) -> str:
    """把容器的标记行换成空行、把容器体左移 4 格，行号保持不变。

    纯 CommonMark 把缩进在标签页、提示框、折叠块里的代码块读成“缩进代码”，
    pytest-markdown-docs 就会悄悄漏掉它们；展开后它们成了普通代码块。
    嵌套容器在继续向下扫描时被同样处理。
    """
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


@functools.cache
def _snippet_preprocessor():
    """按 mkdocs.yml 里的配置创建 pymdownx.snippets，保证展开结果与站点完全一致。"""
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf8"))
    options: dict = {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            options = dict(ext["pymdownx.snippets"] or {})
    options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )
    return md.preprocessors["snippet"]


@dataclass(frozen=True)
class Expansion:
    """一个引用代码块展开后的内容，以及它每一行在代码文件里的行号。"""

    snippet: Path
    line_numbers: tuple[int, ...]


# 代码块内容 -> 它来自哪个文件（给 conftest 里的运行器用来报告正确的文件和行号）
EXPANSIONS: dict[str, Expansion] = {}
# 代码块内容（即那一行引用）-> 展开失败的原因
BROKEN_INCLUDES: dict[str, str] = {}


def _line_numbers(expanded: list[str], original: list[str]) -> tuple[int, ...]:
    """展开内容是原文件去掉节标记后的子序列：顺序匹配得到每行的原始行号（从 1 开始）。"""
    numbers, j = [], 0
    for text in expanded:
        while j < len(original) and original[j] != text:
            j += 1
        numbers.append(j + 1)
        j += 1
    return tuple(numbers)


def expand_includes(state: StateCore) -> None:
    """markdown-it 核心规则：把 ``--8<--`` 代码块替换成它引用的文件内容（读者看到的样子）。"""
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
            expanded = _snippet_preprocessor().run(lines)
        except SnippetMissingError as error:
            BROKEN_INCLUDES[token.content] = f"{error}（在 snippets/ 下找不到）"
            token.info += " runner:BrokenIncludeRunner"
            continue
        path, _ = parse_target(match["target"])
        snippet = SNIPPETS / path
        content_lines = [*expanded, ""]  # 代码块内容以换行结尾
        content = "\n".join(content_lines)
        original = snippet.read_text("utf8").split("\n")
        EXPANSIONS[content] = Expansion(snippet, _line_numbers(content_lines, original))
        token.content = content
        token.info += " runner:SnippetRunner"


def unwrap_rule(state: StateCore) -> None:
    state.src = unwrap_containers(state.src)


def reader_markdown_it() -> MarkdownIt:
    """pytest-markdown-docs 用的解析器：先展开容器，再展开代码文件引用。"""
    md = MarkdownIt("commonmark")
    md.core.ruler.after("normalize", "unwrap_containers", unwrap_rule)
    md.core.ruler.after("block", "expand_includes", expand_includes)
    return md


def python_fences(page: Path) -> list[int]:
    """页面里会被执行的 Python 代码块（与 pytest-markdown-docs 收集的一致），返回起始行号。"""
    from pytest_markdown_docs.plugin import FenceSyntax, extract_fence_tests

    tests = extract_fence_tests(
        reader_markdown_it(),
        page.read_text("utf8"),
        start_line_offset=0,
        source_path=page,
        fence_syntax=FenceSyntax.superfences,
    )
    return [test.start_line for test in tests]
