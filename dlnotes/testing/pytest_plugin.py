"""pytest 插件（pyproject.toml 里 ``-p dlnotes.testing.pytest_plugin``）：按读者看到的样子运行
页面里的每个 Python 代码块，并为整个测试运行准备共用的东西。

- 运行目录：主进程建一个临时目录（``RUN_CACHE_ENV``），xdist 的工作进程继承它；站点构建的
  记录放在这里，测试结束时删除。代码的运行结果缓存在 ``.cache/runs/``（见 ``snippet_runs``）。
- 站点构建：完整运行（``make test``，不指定文件）时，主进程一开始就在后台线程里构建站点，
  工作进程同时先跑代码文件；需要站点或笔记本执行结果的测试排在最后。
- 页面代码块：pytest-markdown-docs 用 ``reader_markdown`` 的解析器收集代码块（展开标签页、
  提示框、折叠块和 ``--8<--`` 引用），每个代码块在全新的进程里运行（``snippet_runs``）：
  页面里直接写的代码块（``InlineRunner``）打印的内容要与 ``# >`` 注释一致、在任何 CPU 上都一样；
  引用代码文件的代码块（``SnippetRunner``）按原文件的行号编译，出错时同时报告页面行号和
  文件行号；引用不存在时（``BrokenIncludeRunner``）报出页面和行号。
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from pytest_markdown_docs._runners import DefaultRunner, register_runner

from dlnotes.expected_output import output_mismatch
from dlnotes.paths import rel
from dlnotes.reader_markdown import BROKEN_INCLUDES, EXPANSIONS, reader_markdown_it
from dlnotes.snippet_runs import RUN_CACHE_ENV, output_problems, run_code
from dlnotes.testing.site_build import Build, shared_build

# 需要构建好的站点或笔记本执行结果的测试：排在最后
LATE = (
    "tests/test_site.py",
    "tests/test_browser.py",
    "tests/test_pdf.py",
    "tests/test_notebooks.py",
    "tests/test_reading_aids.py",
)


def pytest_configure(config):
    if RUN_CACHE_ENV not in os.environ:
        os.environ[RUN_CACHE_ENV] = tempfile.mkdtemp(prefix="dlnotes-run-")
        config._dlnotes_run_dir = os.environ[RUN_CACHE_ENV]
    full_run = not config.option.file_or_dir and not hasattr(config, "workerinput")
    if full_run and not config.option.collectonly:
        run_dir = Path(os.environ[RUN_CACHE_ENV])
        threading.Thread(target=shared_build, args=(run_dir,), daemon=True).start()


def pytest_unconfigure(config):
    created = getattr(config, "_dlnotes_run_dir", None)
    if created:
        shutil.rmtree(created, ignore_errors=True)
        del os.environ[RUN_CACHE_ENV]


def pytest_collection_modifyitems(items) -> None:
    items.sort(key=lambda item: item.nodeid.startswith(LATE))


@pytest.fixture(scope="session")
def build() -> Build:
    return shared_build(Path(os.environ[RUN_CACHE_ENV]))


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    if build.problems:
        pytest.skip("站点构建失败，原因见 tests/test_site.py::test_strict_build")
    return build.site


# ---------------------------------------------------------------------------- 页面代码块


@pytest.hookimpl(tryfirst=True)  # 插件自带的实现返回纯 CommonMark 解析器，要先于它
def pytest_markdown_docs_markdown_it():
    return reader_markdown_it()


def _fence_content(test) -> str:
    return test.source[test.start_line :]  # 插件在代码前补了 start_line 个换行，好让行号对上页面


class FenceFailed(AssertionError):
    """代码块运行失败；消息里已经写好了文件、行号和原因。"""


class _Runner(DefaultRunner):
    def repr_failure(self, test, excinfo, style=None):
        if excinfo.errisinstance(FenceFailed):
            return str(excinfo.value)
        return super().repr_failure(test, excinfo, style)


@register_runner(default=True)
class InlineRunner(_Runner):
    """页面里直接写的代码块：在新进程里运行，再核对打印的内容。"""

    def runtest(self, test, args, *, asyncio_runner=None):
        page = rel(test.source_path)
        run = run_code(test.source, str(test.source_path))
        if run.error is not None:
            raise FenceFailed(
                f"{page}:{run.error_line or test.start_line}: 页面代码块运行失败\n{run.error}"
            )
        if mismatch := output_mismatch(test.source, run.stdout):
            line, message = mismatch
            raise FenceFailed(f"{page}:{line or test.start_line}: {message}")
        if problems := output_problems(test.source, run):
            raise FenceFailed(
                "\n".join(f"{page}:{line or test.start_line}: {text}" for line, text in problems)
            )


@register_runner()
class SnippetRunner(_Runner):
    """引用进页面的代码文件：按文件里的行号编译，报错指向 snippets/ 下的文件和行。

    打印的内容由 tests/test_snippets.py 核对；这里保证读者看到的内容作为一个整体能运行。
    整个文件被引用时，代码与 test_snippets 运行的完全相同，共用同一次运行的结果。
    """

    def runtest(self, test, args, *, asyncio_runner=None):
        content = _fence_content(test)
        expansion = EXPANSIONS[content]
        lines = [""] * max(expansion.line_numbers)
        for number, text in zip(expansion.line_numbers, content.split("\n"), strict=True):
            lines[number - 1] = text
        run = run_code("\n".join(lines), str(expansion.snippet), coverage=True)
        if run.error is not None:
            where = rel(expansion.snippet) + (f":{run.error_line}" if run.error_line else "")
            page = f"{rel(test.source_path)}:{test.start_line + 1}"  # 引用那一行
            raise FenceFailed(f"{page}: 引用的代码在 {where} 出错\n{run.error}")


@register_runner()
class BrokenIncludeRunner(_Runner):
    def runtest(self, test, args, *, asyncio_runner=None):
        where = f"{rel(test.source_path)}:{test.start_line + 1}"  # 引用那一行
        raise FenceFailed(f"{where}: {BROKEN_INCLUDES[_fence_content(test)]}")
