"""执行 docs/ 里的笔记本页面，带缓存；单元格出错时给出文件、行号和单元格序号。

笔记本以 jupytext 的 percent 格式保存（``docs/<章>/<页>.py``，``# %%`` 分隔单元格）：
diff 友好、ruff 能检查、仓库里永远没有过期的输出。构建（``dlnotes/hooks/notebooks.py``）和
测试（``tests/test_notebooks.py``）都调用 :func:`execute`：

- 每个笔记本在一个全新的进程里从头执行（从项目唯一的 forkserver fork 出来，见
  ``isolation``；``notebook_kernel`` 用 IPython 执行单元格），执行前先运行
  ``notebook_style``（中文字体、SVG、配色），它不进入笔记本的命名空间。
- 结果按“源文件 + 本目录的执行设置 + 库版本”的哈希缓存在 ``.cache/notebooks/``；
  多个进程同时要同一个笔记本时用文件锁排队，只执行一次。
- 任一单元格抛出异常（包括笔记本自己的 ``assert``），抛出 :class:`NotebookError`，
  信息形如 ``docs/training/optimizer-trajectories.py:57: 第 4 个代码单元格出错：AssertionError…``。
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import os
import re
import tempfile
import time
from pathlib import Path

import nbformat

from dlnotes import isolation
from dlnotes.paths import CACHE as CACHE_ROOT
from dlnotes.paths import PACKAGE, notebooks, rel

CACHE = CACHE_ROOT / "notebooks"
# 执行设置：这些文件一变，缓存就失效（执行器在子进程里才导入，这里不导入 torch、matplotlib）
SETTINGS = [PACKAGE / "notebook_style.py", PACKAGE / "notebook_kernel.py", Path(__file__)]
# 轴、刻度和文字的占位颜色（notebook_style 用它画，执行后换成 currentColor）
INK = "#010203"
# 秒：一个笔记本运行的硬上限，只为发现卡死（耗时预算在 make bench 里）
TIMEOUT = 300
PACKAGES = ["torch", "numpy", "matplotlib", "noto-cjk-sans-otc", "ipython", "jupytext"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CELL_LINE = re.compile(r"Cell In\[\d+\], line (\d+)")


class NotebookError(Exception):
    """某个笔记本执行失败；str() 以“文件:行号:”开头。"""


__all__ = ["NotebookError", "cell_lines", "execute", "notebooks"]


def cache_key(path: Path) -> str:
    digest = hashlib.sha256()
    for part in (path, *SETTINGS):
        digest.update(part.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
    return digest.hexdigest()[:20]


def executed_path(path: Path) -> Path:
    """执行结果（带输出的 .ipynb）的位置；文件名与页面同名，便于读者下载。"""
    return CACHE / cache_key(path) / f"{path.stem}.ipynb"


def execute(path: Path) -> Path:
    """执行笔记本（或取缓存），返回带输出的 .ipynb 的路径。"""
    out = executed_path(path)
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # 另一个进程正在执行同一个笔记本时，等它写完
        if not out.is_file():
            nb = _run(path)
            tmp = out.with_suffix(".tmp")
            nbformat.write(nb, tmp)
            os.replace(tmp, out)
    return out


def _child(source: str, workdir: str) -> tuple[str | None, dict | None]:
    from dlnotes import notebook_kernel

    try:
        return notebook_kernel.run(source, workdir)
    except BaseException as error:  # 执行器自身出错（不是单元格出错）
        return None, {"cell": None, "ename": type(error).__name__, "evalue": str(error)}


def _run(path: Path) -> nbformat.NotebookNode:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        try:
            text, error = isolation.run_fresh(_child, str(path.resolve()), workdir, timeout=TIMEOUT)
        except isolation.Timeout:
            raise NotebookError(f"{rel(path)}:1: 执行超过 {TIMEOUT} 秒，已终止") from None
        except isolation.Crashed as crash:
            text, error = None, {"cell": None, "ename": "进程异常退出", "evalue": str(crash)}
    if text is None:
        raise NotebookError(f"{rel(path)}:1: 无法执行：{error['ename']}: {error['evalue']}")
    nb = nbformat.reads(text, as_version=4)
    if error:
        raise NotebookError(_describe(path, nb, error))
    nb.metadata["dl_notes"] = {"seconds": round(time.perf_counter() - start, 2)}
    _polish(nb)
    return nb


def cell_lines(path: Path, nb: nbformat.NotebookNode) -> list[int]:
    """每个单元格的内容在源文件里从哪一行开始（``# %%`` 的下一行）。"""
    markers = [
        number
        for number, line in enumerate(path.read_text("utf8").splitlines(), start=1)
        if line.startswith("# %%")
    ]
    if len(markers) != len(nb.cells):
        return [1] * len(nb.cells)
    return [m + 1 for m in markers]


def _describe(path: Path, nb: nbformat.NotebookNode, error: dict) -> str:
    """把异常定位到源文件的行：单元格的起始行 + 异常在单元格里的行。"""
    failed = error["cell"]
    traceback = ANSI.sub("", error["traceback"])
    line = cell_lines(path, nb)[failed]
    if lines := CELL_LINE.findall(traceback):
        line += int(lines[-1]) - 1
    code_number = sum(1 for c in nb.cells[: failed + 1] if c.cell_type == "code")
    summary = f"{error['ename']}: {error['evalue']}"
    return f"{rel(path)}:{line}: 第 {code_number} 个代码单元格出错：{summary}\n{traceback}".rstrip()


# 坐标保留两位小数（单位是 pt，1/100 pt 远小于一个像素），图小三分之一
LONG_DECIMAL = re.compile(r"(\d+\.\d\d)\d+")


def _polish(nb: nbformat.NotebookNode) -> None:
    """SVG 图：去掉 XML 声明和元数据，坐标留两位小数，墨色换成 currentColor（跟随明暗主题）。"""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                svg = data["image/svg+xml"]
                svg = re.sub(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*", "", svg)
                svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
                svg = LONG_DECIMAL.sub(lambda m: m[1], svg)
                data["image/svg+xml"] = svg.replace(INK, "currentColor")
