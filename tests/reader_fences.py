"""pytest 插件：让 pytest-markdown-docs 按读者看到的样子运行页面里的每个 Python 代码块。

在 pyproject.toml 里用 ``-p reader_fences`` 加载，所以只跑某一页（``pytest docs/x.md``）时也生效。

- 解析器（``pytest_markdown_docs_markdown_it``）先展开标签页、提示框、折叠块，
  再把 ``--8<--`` 引用替换成代码文件内容，见 ``site_model.reader_markdown_it``。
- 页面里直接写的代码块用 ``InlineRunner`` 运行：打印的内容必须与代码里的 ``# >`` 注释一致。
- 引用代码块用 ``SnippetRunner`` 运行：代码按原文件的行号编译，出错时同时报告页面
  行号和代码文件行号。引用不存在时用 ``BrokenIncludeRunner`` 报出页面和行号。
"""

from __future__ import annotations

import contextlib
import io
import traceback

import pytest
import torch
from pytest_markdown_docs._runners import DefaultRunner, register_runner
from site_model import BROKEN_INCLUDES, EXPANSIONS, output_mismatch, reader_markdown_it, rel

# 各 xdist 进程已经占满了 CPU 核；页面代码块里的小张量运算用单线程最快
torch.set_num_threads(1)


@pytest.hookimpl(tryfirst=True)  # 插件自带的实现返回纯 CommonMark 解析器，要先于它
def pytest_markdown_docs_markdown_it():
    return reader_markdown_it()


def _fence_content(test) -> str:
    # 插件在代码前补了 start_line 个换行，好让行号对上页面
    return test.source[test.start_line :]


class OutputMismatch(AssertionError):
    pass


@register_runner(default=True)
class InlineRunner(DefaultRunner):
    """页面里直接写的代码块：照常运行，再核对打印的内容。"""

    def runtest(self, test, args, *, asyncio_runner=None):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            super().runtest(test, args, asyncio_runner=asyncio_runner)
        mismatch = output_mismatch(test.source, out.getvalue())
        if mismatch:
            line, message = mismatch
            raise OutputMismatch(f"{rel(test.source_path)}:{line or test.start_line}: {message}")

    def repr_failure(self, test, excinfo, style=None):
        if excinfo.errisinstance(OutputMismatch):
            return str(excinfo.value)
        return super().repr_failure(test, excinfo, style)


@register_runner()
class SnippetRunner(DefaultRunner):
    """运行引用进页面的代码文件：按文件里的行号编译，报错指向 snippets/ 下的文件和行。"""

    def runtest(self, test, args, *, asyncio_runner=None):
        expansion = EXPANSIONS[_fence_content(test)]
        lines = [""] * max(expansion.line_numbers)
        content = _fence_content(test).split("\n")
        for number, text in zip(expansion.line_numbers, content, strict=True):
            lines[number - 1] = text
        code = compile("\n".join(lines), str(expansion.snippet), "exec", dont_inherit=True)
        # 输出由 test_snippets 逐行核对；这里只保证它能在页面的上下文里运行
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, args)

    def repr_failure(self, test, excinfo, style=None):
        expansion = EXPANSIONS[_fence_content(test)]
        frames = [
            frame
            for frame in traceback.extract_tb(excinfo.tb)
            if frame.filename == str(expansion.snippet)
        ]
        where = (
            f"{rel(expansion.snippet)}:{frames[-1].lineno}" if frames else rel(expansion.snippet)
        )
        return (
            f"{rel(test.source_path)}:{test.start_line} 引用的代码在 {where} 出错\n"
            + "".join(traceback.format_list(frames))
            + excinfo.exconly()
        )


@register_runner()
class BrokenIncludeRunner(DefaultRunner):
    def runtest(self, test, args, *, asyncio_runner=None):
        raise LookupError(BROKEN_INCLUDES[_fence_content(test)])

    def repr_failure(self, test, excinfo, style=None):
        return f"{rel(test.source_path)}:{test.start_line}: {excinfo.value}"
