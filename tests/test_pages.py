"""页面与代码文件：引用的目标和节存在、没有孤儿代码文件；读者看到的文字没有占位、
不提来源笔记、一个概念只用一个名字（``tests/terminology.yml``）。"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml

from dlnotes.includes import ANY_INCLUDE, INCLUDE_LINE, all_includes, sections
from dlnotes.paths import notebooks, pages, rel, snippet_files

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


READER_TEXT = [*pages(), *notebooks(), *snippet_files()]
TERMS = yaml.safe_load((Path(__file__).parent / "terminology.yml").read_text("utf8"))


@functools.cache
def _reader_lines() -> list[tuple[str, str]]:
    """读者看到的全部文字，按行（“文件:行号”，行）；读一次，各个检查共用。"""
    return [
        (f"{rel(path)}:{number}", line)
        for path in READER_TEXT
        for number, line in enumerate(path.read_text("utf8").splitlines(), start=1)
    ]


def _grep(pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{where}: {match.group(0)}"
        for where, line in _reader_lines()
        if (match := pattern.search(line))
    ]


def test_no_placeholder_reaches_readers() -> None:
    found = _grep(re.compile(r".{0,10}(尚未成文|待补充|敬请期待|TODO|TBD).{0,10}"))
    assert not found, "读者会看到占位文字（写完这部分，或删掉这一行）：\n" + "\n".join(found)


def test_pages_do_not_mention_the_source_notes() -> None:
    """来源笔记只是提纲，读者看不到它：页面不和“笔记”争论，只写正确的说法（错误说法写成误区）。"""
    notes = r"(原|源|有的|这份|那份)笔记|笔记(里|中|上|说|写|把|给|认为)"
    found = _grep(re.compile(rf".{{0,8}}({notes}).{{0,8}}"))
    assert not found, "页面提到了来源笔记：\n" + "\n".join(found)


@pytest.mark.parametrize("term", TERMS, ids=[t["concept"] for t in TERMS])
def test_one_term_per_concept(term: dict) -> None:
    found = [
        f"{where}: 用“{term['use']}”，不用“{avoid}”"
        for where, line in _reader_lines()
        if term["use"] not in line
        for avoid in term["avoid"]
        if avoid in line
    ]
    assert not found, f"{term['concept']} 全站只用一个中文名：\n" + "\n".join(found)
