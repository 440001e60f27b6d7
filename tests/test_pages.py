"""页面与代码文件之间的引用：目标存在、节存在、没有孤儿代码文件。"""

from __future__ import annotations

import pytest

from dlnotes.includes import ANY_INCLUDE, INCLUDE_LINE, all_includes, sections
from dlnotes.paths import pages, rel, snippet_files

INCLUDES = all_includes()


@pytest.mark.parametrize("include", INCLUDES, ids=[inc.where for inc in INCLUDES])
def test_include_target_exists(include) -> None:
    assert include.file.is_file(), f"{include.where}: 引用的 snippets/{include.path} 不存在"
    if include.section:
        assert include.section in sections(include.file), (
            f"{include.where}: snippets/{include.path} 里没有节 [start:{include.section}] … "
            f"[end:{include.section}]"
        )


def test_every_include_uses_the_single_line_form() -> None:
    """只用 ``--8<-- "chapter/file.py"`` 这一种写法，测试才能可靠地找到每个引用。"""
    bad = [
        f"{rel(page)}:{number}: {line.strip()}"
        for page in pages()
        for number, line in enumerate(page.read_text("utf8").splitlines(), start=1)
        if ANY_INCLUDE.search(line) and not INCLUDE_LINE.match(line)
    ]
    assert not bad, "不支持的引用写法：\n" + "\n".join(bad)


def test_no_orphan_snippets() -> None:
    """每个代码文件都至少被一个页面引用：没人看的示例不该留着。"""
    used = {inc.file.resolve() for inc in INCLUDES}
    orphans = [rel(path) for path in snippet_files() if path.resolve() not in used]
    assert not orphans, "没有被任何页面引用的代码文件：" + ", ".join(orphans)
