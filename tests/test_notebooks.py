"""笔记本页面（docs/ 里 jupytext 格式的 .py）：从头执行，并检查它们是“验证过的图”。

执行与构建共用 ``tools/notebook_runner.py`` 和它的缓存：同一个笔记本在一次测试运行里
只执行一次。失败信息以“文件:行号:”开头，指向出错的单元格。
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from dlnotes import notebook_runner
from dlnotes.paths import DOCS, notebooks, pages, rel

NOTEBOOKS = notebooks()


def executed(notebook) -> nbformat.NotebookNode:
    try:
        return nbformat.read(notebook_runner.execute(notebook), as_version=4)
    except notebook_runner.NotebookError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=rel)
def test_notebook_runs_clean(notebook) -> None:
    """每个单元格都运行成功，没有警告（缺字的警告也在这里：Glyph … missing from font）。"""
    nb = executed(notebook)
    lines = notebook_runner.cell_lines(notebook, nb)
    noisy = [
        f"{rel(notebook)}:{lines[i]}: 单元格向 stderr 输出了：{output['text'].strip()[:500]}"
        for i, cell in enumerate(nb.cells)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    assert not noisy, "\n".join(noisy)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=rel)
def test_notebook_shows_and_checks(notebook) -> None:
    """图解页：至少一张 SVG 图，至少一个 assert，标题是一级标题。"""
    nb = executed(notebook)
    figures = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if "image/svg+xml" in output.get("data", {})
    ]
    assert figures, f"{rel(notebook)}: 没有画出任何图"
    tree = ast.parse(notebook.read_text("utf8"))
    checks = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert)
        or (isinstance(node, ast.Attribute) and node.attr == "assert_close")
    ]
    assert checks, f"{rel(notebook)}: 图要说明的事实需要 assert 检查，一个都没有"
    constant = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert)
        and not any(isinstance(n, ast.Name | ast.Attribute) for n in ast.walk(node.test))
    ]
    assert not constant, f"{rel(notebook)}:{constant[0]}: 这个 assert 只比较常量，什么也没检查"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), (
        f"{rel(notebook)}:1: 第一个单元格应是以“# 标题”开头的 Markdown"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=rel)
def test_notebook_is_linked_from_a_page(notebook) -> None:
    """每个图解页都要被它所图解的页面链接到（链接写成 [..](name.py)，mkdocs 会检查）。"""
    link = re.compile(rf"\]\((?:\.\./)*(?:[\w-]+/)?{re.escape(notebook.name)}(?:#[\w-]*)?\)")
    linking = [rel(page) for page in pages() if link.search(page.read_text("utf8"))]
    assert linking, f"{rel(notebook)}: 没有任何页面链接到它（在所图解的页面里加一个链接）"


def test_notebooks_live_in_chapters() -> None:
    misplaced = [rel(n) for n in NOTEBOOKS if n.parent == DOCS]
    assert not misplaced, f"笔记本要放在章节目录里：{misplaced}"


MD_LINK = re.compile(r"\]\((?P<url>[^)\s]+)\)")


def page_for(url: str, notebook) -> bool:
    """笔记本页面的地址是 /<章>/<名字>/，相对链接从那里解析到 docs/ 里的文件。"""
    path = url.split("#")[0]
    if not path or re.match(r"^[a-z]+:", path):
        return True
    base = notebook.relative_to(DOCS).with_suffix("")  # <章>/<名字>
    target = (DOCS / base / path).resolve()
    candidates = [target.with_suffix(".md"), target.with_suffix(".py"), target / "index.md"]
    return any(c.is_file() for c in candidates)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=rel)
def test_notebook_links_resolve(notebook) -> None:
    """Markdown 单元格里的链接（mkdocs 不检查渲染后的笔记本）指向存在的页面。"""
    dead = [
        f"{rel(notebook)}:{number}: 链接 {match['url']} 指向不存在的页面"
        for number, line in enumerate(notebook.read_text("utf8").splitlines(), start=1)
        if line.startswith("#")
        for match in MD_LINK.finditer(line)
        if not page_for(match["url"], notebook)
    ]
    assert not dead, "\n".join(dead)
