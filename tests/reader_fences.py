"""pytest 插件：让 pytest-markdown-docs 按读者看到的样子运行页面里的每个 Python 代码块。

在 pyproject.toml 里用 ``-p reader_fences`` 加载，所以只跑某一页（``pytest docs/x.md``）时也生效。

- 解析器（``pytest_markdown_docs_markdown_it``）先展开标签页、提示框、折叠块，
  再把 ``--8<--`` 引用替换成代码文件内容，见 ``site_model.reader_markdown_it``。
- 每个代码块都在全新的进程里运行（和代码文件一样从 forkserver fork 出来），
  就像读者把它粘贴进一个新文件：前一个代码块改过的全局状态（默认 dtype、
  随机数状态……）带不过来。引用整个文件的代码块与 test_snippets 运行的代码
  逐字相同，同一次测试里只运行一次（见 snippet_process 的说明）。
- 页面里直接写的代码块（``InlineRunner``）：打印的内容必须与代码里的 ``# >`` 注释一致。
- 引用代码块（``SnippetRunner``）：代码按原文件的行号编译，出错时同时报告页面
  行号和代码文件行号。引用不存在时（``BrokenIncludeRunner``）报出页面和行号。
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from pytest_markdown_docs._runners import DefaultRunner, register_runner
from site_model import BROKEN_INCLUDES, EXPANSIONS, output_mismatch, reader_markdown_it, rel
from snippet_process import RUN_CACHE_ENV, run_code


def pytest_configure(config):
    """主进程为本次测试建一个运行结果目录；xdist 的工作进程继承这个环境变量。"""
    if RUN_CACHE_ENV not in os.environ:
        os.environ[RUN_CACHE_ENV] = tempfile.mkdtemp(prefix="dlnotes-runs-")
        config._dlnotes_run_cache = os.environ[RUN_CACHE_ENV]


def pytest_unconfigure(config):
    created = getattr(config, "_dlnotes_run_cache", None)
    if created:
        shutil.rmtree(created, ignore_errors=True)
        del os.environ[RUN_CACHE_ENV]


@pytest.hookimpl(tryfirst=True)  # 插件自带的实现返回纯 CommonMark 解析器，要先于它
def pytest_markdown_docs_markdown_it():
    return reader_markdown_it()


def _fence_content(test) -> str:
    # 插件在代码前补了 start_line 个换行，好让行号对上页面
    return test.source[test.start_line :]


class FenceFailed(AssertionError):
    """代码块运行失败；消息里已经写好了文件、行号和 traceback。"""


class _ForkRunner(DefaultRunner):
    def repr_failure(self, test, excinfo, style=None):
        if excinfo.errisinstance(FenceFailed):
            return str(excinfo.value)
        return super().repr_failure(test, excinfo, style)


@register_runner(default=True)
class InlineRunner(_ForkRunner):
    """页面里直接写的代码块：在新进程里运行，再核对打印的内容。"""

    def runtest(self, test, args, *, asyncio_runner=None):
        page = rel(test.source_path)
        result = run_code(test.source, str(test.source_path))
        if result.error is not None:
            line = result.error_line or test.start_line
            raise FenceFailed(f"{page}:{line}: 页面代码块运行失败\n{result.error}")
        mismatch = output_mismatch(test.source, result.stdout)
        if mismatch:
            line, message = mismatch
            raise FenceFailed(f"{page}:{line or test.start_line}: {message}")


@register_runner()
class SnippetRunner(_ForkRunner):
    """引用进页面的代码文件：按文件里的行号编译，报错指向 snippets/ 下的文件和行。"""

    def runtest(self, test, args, *, asyncio_runner=None):
        content = _fence_content(test)
        expansion = EXPANSIONS[content]
        lines = [""] * max(expansion.line_numbers)
        for number, text in zip(expansion.line_numbers, content.split("\n"), strict=True):
            lines[number - 1] = text
        # 输出由 test_snippets 逐行核对；这里保证读者看到的内容作为一个整体能运行。
        # 整个文件被引用时，代码与 test_snippets 运行的完全相同，共用同一次运行的结果。
        code = "\n".join(lines).rstrip("\n") + "\n"  # 与 run_snippet 的规范化一致
        result = run_code(code, str(expansion.snippet), coverage=True)
        if result.error is not None:
            where = rel(expansion.snippet) + (f":{result.error_line}" if result.error_line else "")
            page = f"{rel(test.source_path)}:{test.start_line}"
            raise FenceFailed(f"{page} 引用的代码在 {where} 出错\n{result.error}")


@register_runner()
class BrokenIncludeRunner(_ForkRunner):
    def runtest(self, test, args, *, asyncio_runner=None):
        raise FenceFailed(
            f"{rel(test.source_path)}:{test.start_line}: {BROKEN_INCLUDES[_fence_content(test)]}"
        )
