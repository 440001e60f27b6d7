"""在一个全新进程里按 Jupyter 的方式执行笔记本的单元格（``notebook_runner`` 调用）。

为什么不用 nbclient + ipykernel：每个笔记本都要起一个内核进程，再 ``import torch``
（约 1 秒）、``torch._dynamo``（``torch.optim`` 第一次用到时导入，约 0.8 秒）、matplotlib，
八个笔记本光启动就占去构建时间的一半。这里的做法与代码文件相同（见 ``isolation``）：
项目唯一的 forkserver 预先导入本模块（也就导入了这些库），每个笔记本在从它 fork
出来的全新子进程里执行——命名空间是空的，进程状态不带到下一个笔记本。

执行用的是 IPython 本身（``InteractiveShell``）：``Cell In[n], line m`` 形式的 traceback、
表达式结果、``display()``、matplotlib inline 后端在单元格结束时输出图，都与 Jupyter 一致。
输出按发生顺序记录成 nbformat 的 stream / display_data / execute_result / error。
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path
from typing import ClassVar

# 预先导入（forkserver 里只导入一次）
import matplotlib
import matplotlib.pyplot
import matplotlib_inline.backend_inline  # noqa: F401
import nbformat
import numpy  # noqa: F401
from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import DisplayPublisher
from IPython.core.interactiveshell import InteractiveShell
from nbformat.v4 import new_output
from traitlets import Type

from dlnotes import isolation

matplotlib.use("agg")  # 预导入时先用无界面后端；子进程里换成 inline

STYLE = Path(__file__).with_name("notebook_style.py")


class _Outputs:
    """当前单元格的输出列表；相邻的同名 stream 输出合并成一条（与 Jupyter 相同）。"""

    current: ClassVar[list] = []

    @classmethod
    def stream(cls, name: str, text: str) -> None:
        if cls.current and cls.current[-1].get("name") == name:
            cls.current[-1]["text"] += text
        else:
            cls.current.append(new_output("stream", name=name, text=text))


class _Stream:
    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        if text:
            _Outputs.stream(self.name, text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class _Publisher(DisplayPublisher):
    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kw):
        _Outputs.current.append(new_output("display_data", data=data, metadata=metadata or {}))


class _Hook(DisplayHook):
    """单元格最后一个表达式的值 → execute_result。"""

    def start_displayhook(self) -> None:
        pass

    def write_output_prompt(self) -> None:
        pass

    def write_format_data(self, format_dict, md_dict=None) -> None:
        _Outputs.current.append(
            new_output(
                "execute_result",
                data=format_dict,
                metadata=md_dict or {},
                execution_count=self.shell.execution_count,
            )
        )

    def finish_displayhook(self) -> None:
        pass


class _Shell(InteractiveShell):
    displayhook_class = Type(_Hook)
    display_pub_class = Type(_Publisher)
    error: dict | None = None

    def enable_gui(self, gui=None) -> None:
        pass  # 没有图形界面：matplotlib 用 inline 后端

    def _showtraceback(self, etype, evalue, stb) -> None:
        self.error = {"ename": etype.__name__, "evalue": str(evalue), "traceback": stb}
        _Outputs.current.append(new_output("error", **self.error))


def run(source: str, workdir: str) -> tuple[str, dict | None]:
    """执行 jupytext 源文件；返回（执行后的 .ipynb 文本，出错信息或 None）。

    出错信息：``{"cell": 单元格序号, "ename", "evalue", "traceback": 文本}``。
    """
    import jupytext

    os.chdir(workdir)
    isolation.apply_numerics("reference")
    nb = jupytext.read(source)
    shell = _Shell.instance(colors="nocolor")
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Stream("stdout"), _Stream("stderr")
    try:
        shell.enable_matplotlib("inline")
        runpy.run_path(str(STYLE))  # 中文字体、SVG、配色：不进入笔记本的命名空间
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            cell.outputs = _Outputs.current = []
            shell.run_cell(cell.source, store_history=True)
            cell.execution_count = shell.execution_count - 1
            if shell.error:
                error = dict(shell.error, cell=index, traceback="\n".join(shell.error["traceback"]))
                return nbformat.writes(nb), error
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    return nbformat.writes(nb), None
