"""机制自身的报错：每种失败都要指出文件和行号（CONTRIBUTING 承诺的那些信息）。

做法和 pydantic 的 pytest-examples 一样：在临时目录里搭一个迷你站点，故意放进每一种错误，
再用本项目的测试、构建和笔记本执行器去跑它，检查报出的信息。
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dlnotes import notebook_runner, paths
from dlnotes.paths import ROOT
from dlnotes.snippet_runs import RUN_CACHE_ENV
from dlnotes.testing import site_build

pytest_plugins = ["pytester"]

MKDOCS_YML = """\
site_name: 迷你站点
docs_dir: docs
strict: true
validation:
  unrecognized_links: warn
  anchors: warn
  not_found: warn
markdown_extensions:
  - admonition
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.snippets:
      base_path: [snippets]
      check_paths: true
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), "utf8")


def test_pytest_names_file_and_line_of_each_failure(pytester, monkeypatch) -> None:
    """失败的 assert（代码文件）、标签页里出错的页面代码块、引用不存在的文件、引用的文件出错。"""
    write(
        pytester.path,
        {
            "mkdocs.yml": MKDOCS_YML,
            "snippets/ch/page_bad.py": """\
                x = 1
                print(x)
                # > 1
                assert x == 2, "示例里的断言失败"
            """,
            "docs/ch/page.md": """\
                # 页面

                === "NumPy"

                    ```python
                    y = 1
                    assert y == 3, "页面代码块里的断言失败"
                    ```

                ```python
                --8<-- "ch/missing.py"
                ```

                ```python
                --8<-- "ch/page_bad.py"
                ```
            """,
        },
    )
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_snippets.py").write_text(
        (ROOT / "tests" / "test_snippets.py").read_text("utf8"), "utf8"
    )
    monkeypatch.setenv("DLNOTES_ROOT", str(pytester.path))
    monkeypatch.delenv(RUN_CACHE_ENV, raising=False)
    result = pytester.runpytest_subprocess(
        "-p", "dlnotes.testing.pytest_plugin", "-p", "no:cacheprovider",
        "--markdown-docs", "--markdown-docs-syntax=superfences",
        "docs", "tests/test_snippets.py", "-k", "md or runs_and",
    )  # fmt: skip
    output = result.stdout.str()
    expected = [
        "snippets/ch/page_bad.py:4: 运行失败",
        "AssertionError: 示例里的断言失败",
        "docs/ch/page.md:7: 页面代码块运行失败",
        "AssertionError: 页面代码块里的断言失败",
        "docs/ch/page.md:11: ",
        "ch/missing.py",
        "docs/ch/page.md:15: 引用的代码在 snippets/ch/page_bad.py:4 出错",
    ]
    missing = [line for line in expected if line not in output]
    assert not missing, f"报错里缺少 {missing}：\n{output[-4000:]}"
    result.assert_outcomes(failed=4)


@pytest.fixture
def mini_site(tmp_path: Path, monkeypatch) -> Path:
    write(tmp_path, {"mkdocs.yml": MKDOCS_YML, "docs/index.md": "# 首页\n"})
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(site_build, "ROOT", tmp_path)
    monkeypatch.setattr(site_build, "DOCS", tmp_path / "docs")
    return tmp_path


def test_build_names_the_page_and_line_of_a_missing_include(mini_site: Path) -> None:
    write(mini_site, {"docs/ch/page.md": '# 页\n\n正文。\n\n```python\n--8<-- "ch/nope.py"\n```\n'})
    build = site_build.build_site(mini_site / "site", config=mini_site / "mkdocs.yml")
    assert any(p.startswith("docs/ch/page.md:6: ") and "ch/nope.py" in p for p in build.problems), (
        build.problems
    )


def test_build_names_the_page_of_a_dead_link_or_anchor(mini_site: Path) -> None:
    write(mini_site, {"docs/ch/page.md": "# 页\n\n[死链接](nope.md)\n\n[死锚点](#nope)\n"})
    build = site_build.build_site(mini_site / "site", config=mini_site / "mkdocs.yml")
    assert any(p.startswith("docs/ch/page.md:3: ") and "nope.md" in p for p in build.problems), (
        build.problems
    )
    assert any(p.startswith("docs/ch/page.md:5: ") and "#nope" in p for p in build.problems), (
        build.problems
    )


def test_notebook_error_names_file_line_and_cell(tmp_path: Path, monkeypatch) -> None:
    notebook = tmp_path / "docs" / "ch" / "figure.py"
    write(
        tmp_path,
        {
            "docs/ch/figure.py": """\
                # %% [markdown]
                # # 图解

                # %%
                x = 1

                # %%
                y = x + 1
                assert y == 3, "笔记本里的断言失败"
            """
        },
    )
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(notebook_runner, "CACHE", tmp_path / ".cache")
    with pytest.raises(notebook_runner.NotebookError) as error:
        notebook_runner.execute(notebook)
    assert str(error.value).startswith("docs/ch/figure.py:9: 第 2 个代码单元格出错：AssertionError")
    assert "笔记本里的断言失败" in str(error.value)


def test_build_names_the_page_and_line_of_a_tex_error(mini_site: Path) -> None:
    """公式在构建时排版：TeX 写错让严格构建失败，并指出页面和行号。"""
    config = MKDOCS_YML + (
        "  - pymdownx.arithmatex:\n      generic: true\n"
        f"hooks:\n  - {paths.PACKAGE / 'hooks' / 'math.py'}\n"
    )
    write(
        mini_site,
        {
            "mkdocs.yml": config,
            "docs/ch/page.md": "# 页\n\n正确的 $a^2$。\n\n错的 $\\frac{1}{$。\n",
        },
    )
    build = site_build.build_site(
        mini_site / "site", env={"DLNOTES_ROOT": str(mini_site)}, config=mini_site / "mkdocs.yml"
    )
    assert any(p.startswith("docs/ch/page.md:5: 公式排版失败") for p in build.problems), (
        build.problems
    )


def test_print_check_flags_rounding_for_display_but_not_to_integers() -> None:
    """取到几位小数是为了印出来，挨着舍入边界就报；取整到整数（量化）是计算，不报。"""
    from dlnotes import print_check

    code = textwrap.dedent("""\
        import torch
        codes = torch.round(torch.tensor([0.5000001, 2.4999999]))
        shown = round(1.2345, 3)
        also = torch.tensor([1.2345]).round(decimals=3)
        fine = round(1.2, 3)
    """)
    print_check.problems.clear()
    exec(print_check.instrument(code, "x.py"), dict(print_check.HELPERS))
    assert sorted({line for line, _ in print_check.problems}) == [3, 4], print_check.problems
    print_check.problems.clear()
