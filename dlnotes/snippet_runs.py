"""运行一段代码（代码文件或页面上的代码块），记录读者复制运行时会看到的一切。

每次运行都在从 forkserver fork 出来的全新进程里（见 ``isolation``），就像读者把代码粘贴进
一个新文件：没有别的代码留下的变量、随机数状态和全局设置。一段代码运行两次：

1. 参考配置：测量覆盖率，并检查每个打印出来的数（``print_check``）；
2. 另一套 CPU 指令集和线程数：打印的内容必须和第 1 次逐字相同。

测试里（pytest 插件设置了 ``RUN_CACHE_ENV``）运行结果按“代码 + 文件名 + 运行环境”的哈希
缓存在 ``.cache/runs/``：snippets/ 下的文件和页面上引用它的代码块是同一段代码，两处检查共用
一次运行；代码没改、依赖版本（``requirements.lock``）和运行机制（本模块、``isolation``、
``print_check``）也没改时，下一次测试直接用上次的结果。全新的克隆（CI）没有缓存，全部重新运行；
``make clean`` 删除缓存。``make bench`` 不用缓存。
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import os
import pickle
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from dlnotes import isolation
from dlnotes.paths import PACKAGE, cache_dir

RUN_CACHE_ENV = "DLNOTES_RUN_CACHE"
RUN_MODULES = ["snippet_runs.py", "isolation.py", "print_check.py"]
# 秒：运行一次的硬上限，只为发现卡死的代码（“几秒内跑完”的预算在 make bench 里）
TIME_LIMIT = 120.0


@dataclass
class Run:
    stdout: str = ""
    error: str | None = None  # 格式化好的 traceback
    error_line: int | None = None  # 出错位置在代码里的行号
    missing_lines: list[int] = field(default_factory=list)  # 没有执行到的语句行
    fragile: list[tuple[int, str]] = field(default_factory=list)  # 打印的数有问题：(行号, 说明)
    other_stdout: str | None = None  # 另一套数值配置下的输出（没运行时为 None）
    seconds: float = 0.0


def _execute(code: str, filename: str, numerics: str, check: bool, measure: bool) -> Run:
    """子进程里：按 numerics 配置运行代码；check 时检查打印的数，measure 时测覆盖率。"""
    import coverage

    from dlnotes import print_check

    isolation.apply_numerics(numerics)
    run = Run()
    cov = coverage.Coverage(data_file=None, include=[filename], config_file=False)
    out = io.StringIO()
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
    if check:
        compiled = print_check.instrument(code, filename)
        namespace.update(print_check.HELPERS)
    else:
        compiled = compile(code, filename, "exec", dont_inherit=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        os.chdir(workdir)  # 代码不能依赖当前目录，也不能往仓库里写文件
        sys.argv = [filename]
        if measure:
            cov.start()
        try:
            with contextlib.redirect_stdout(out):
                exec(compiled, namespace)
        except BaseException as error:
            frames = [
                f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename
            ]
            run.error_line = frames[-1].lineno if frames else None
            shown = traceback.format_list(frames) if frames else []
            run.error = "".join(shown) + "".join(traceback.format_exception_only(error))
        finally:
            if measure:
                cov.stop()
    run.seconds = time.perf_counter() - start
    run.stdout = out.getvalue()
    run.fragile = sorted(set(print_check.problems))
    if measure and run.error is None and Path(filename).is_file():
        run.missing_lines = list(cov.analysis2(filename)[3])
    return run


def _run_twice(code: str, filename: str, coverage: bool) -> Run:
    try:
        run = isolation.run_fresh(
            _execute, code, filename, "reference", True, coverage, timeout=TIME_LIMIT
        )
        if run.error is None and run.stdout:
            other = isolation.run_fresh(
                _execute, code, filename, "other", False, False, timeout=TIME_LIMIT
            )
            run.other_stdout = other.stdout if other.error is None else None
    except (isolation.Timeout, isolation.Crashed) as error:
        return Run(error=str(error))
    return run


# 这些文件变了，同一段代码的运行结果就可能不同
RUN_INPUTS = [PACKAGE.parent / "requirements.lock", *(PACKAGE / f for f in RUN_MODULES)]


def run_cache_dir() -> Path:
    """``.cache/runs/<运行环境的指纹>/``：Python、依赖版本或运行机制一变，就换一个新目录。"""
    return cache_dir("runs", sys.version.encode(), *(path.read_bytes() for path in RUN_INPUTS))


def run_code(code: str, filename: str, coverage: bool = False) -> Run:
    """运行一段代码；filename 决定报错时显示的文件名和行号（以及覆盖率测量哪个文件）。"""
    code = code.rstrip("\n") + "\n"
    if not os.environ.get(RUN_CACHE_ENV):
        return _run_twice(code, filename, coverage)
    key = hashlib.sha256(f"{coverage}\0{filename}\0{code}".encode()).hexdigest()
    cached = run_cache_dir() / f"{key}.pickle"
    if cached.is_file():
        return pickle.loads(cached.read_bytes())
    run = _run_twice(code, filename, coverage)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(pickle.dumps(run))
    partial.replace(cached)  # 原子替换：并行的 xdist 进程不会读到写了一半的文件
    return run


def run_snippet(path: Path) -> Run:
    """单独运行一个代码文件，并测量它每一行是否都执行到。"""
    return run_code(path.read_text("utf8"), str(path), coverage=True)


def output_problems(code: str, run: Run) -> list[tuple[int, str]]:
    """打印内容不可移植的地方：(代码里的行号, 说明)。行号为 0 表示定位不到具体的行。"""
    from dlnotes.expected_output import line_of_output
    from dlnotes.print_check import NEGATIVE_ZERO

    problems = list(run.fragile)
    lines = run.stdout.splitlines()
    for index, text in enumerate(lines):
        if NEGATIVE_ZERO.search(text):
            problems.append((line_of_output(code, index), f"输出里有负零：{text!r}"))
    if run.other_stdout is not None and run.other_stdout != run.stdout:
        other = run.other_stdout.splitlines()
        index = next(
            (i for i, (a, b) in enumerate(zip(lines, other, strict=False)) if a != b),
            min(len(lines), len(other)),
        )
        mine = lines[index] if index < len(lines) else "<没有这一行>"
        theirs = other[index] if index < len(other) else "<没有这一行>"
        problems.append(
            (
                line_of_output(code, index),
                f"换一套 CPU 指令集和线程数（{_describe('other')}）运行，这一行印成 {theirs!r}，"
                f"参考配置下是 {mine!r}：这个数依赖浮点运算的顺序。少印几位、用 float64 计算，"
                "或者改成用 assert 检查",
            )
        )
    return problems


def _describe(name: str) -> str:
    setting = isolation.NUMERICS[name]
    return f"ATen {setting['env']['ATEN_CPU_CAPABILITY']}，{setting['threads']} 个线程"
