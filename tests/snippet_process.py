"""在全新的进程里运行一个代码文件，并记录它的输出、覆盖率和耗时。

每个代码文件都从一个只导入过 torch / numpy 的 forkserver 进程 fork 出来：
和新开一个解释器一样没有任何其他代码文件留下的状态（变量、随机数状态、
全局设置），却省掉了每次约 1 秒的 ``import torch``。

同一次测试里，snippets/ 下的文件和页面上引用它的代码块是**同一段代码**（同一文件名、
同样的行号）：它在新进程里运行一次，结果（输出、错误、覆盖率）按代码内容的哈希
记在本次测试专用的临时目录里（``RUN_CACHE_ENV``，由 reader_fences 插件创建、
测试结束时删除），两处检查都用这个结果。代码只要有一个字符不同就会重新运行。
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import multiprocessing
import os
import pickle
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

# torch.testing、torch.optim 第一次用到时还要花约 1 秒导入内部模块（优化器会导入 torch._dynamo），
# 在 forkserver 里预先导入，每个代码文件就不用各付一次
PRELOAD = [
    "torch",
    "torch.nn",
    "torch.nn.functional",
    "torch.testing",
    "torch.optim",
    "torch._dynamo",
    "numpy",
    "coverage",
]
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOAD)


@dataclass
class SnippetResult:
    stdout: str = ""
    error: str | None = None  # 格式化好的 traceback
    error_line: int | None = None  # 出错位置在代码文件里的行号
    missing_lines: list[int] = field(default_factory=list)  # 没有执行到的语句行
    seconds: float = 0.0


def _run(code: str, filename: str, measure_coverage: bool, conn) -> None:
    import coverage
    import torch

    # 测试时各 xdist 进程已经占满了 CPU 核；小张量运算用多线程反而慢很多
    torch.set_num_threads(1)

    result = SnippetResult()
    cov = coverage.Coverage(data_file=None, include=[filename], config_file=False)
    out = io.StringIO()
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as workdir:
        os.chdir(workdir)  # 代码不能依赖当前目录，也不能往仓库里写文件
        sys.argv = [filename]
        if measure_coverage:
            cov.start()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(code, filename, "exec", dont_inherit=True), namespace)
        except BaseException as error:
            frames = [
                f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename
            ]
            result.error_line = frames[-1].lineno if frames else None
            shown = traceback.format_list(frames) if frames else []
            result.error = "".join(shown) + "".join(traceback.format_exception_only(error))
        finally:
            if measure_coverage:
                cov.stop()
    result.seconds = time.perf_counter() - start
    result.stdout = out.getvalue()
    if measure_coverage and result.error is None:
        _, _, _, missing, _ = cov.analysis2(filename)
        result.missing_lines = list(missing)
    conn.send(result)
    conn.close()


RUN_CACHE_ENV = "DLNOTES_RUN_CACHE"
# 秒：硬上限，超时即失败。代码文件和页面代码块共用同一次运行，所以也共用这一个上限；
# 单个代码文件“几秒内跑完”的预算在 test_snippets 里另外检查。
TIME_LIMIT = 30.0


def _run_fresh(code: str, filename: str, timeout: float, coverage: bool) -> SnippetResult:
    receive, send = _context.Pipe(duplex=False)
    process = _context.Process(target=_run, args=(code, filename, coverage, send))
    process.start()
    send.close()
    if not receive.poll(timeout):
        process.kill()
        process.join()
        return SnippetResult(error=f"超过 {timeout:.0f} 秒没有运行完", seconds=timeout)
    result = receive.recv()
    process.join()
    return result


def run_code(
    code: str, filename: str, coverage: bool = False, timeout: float = TIME_LIMIT
) -> SnippetResult:
    """在新进程里运行一段代码；filename 决定报错时显示的文件名和行号。"""
    cache_dir = os.environ.get(RUN_CACHE_ENV)
    if not cache_dir:
        return _run_fresh(code, filename, timeout, coverage)
    key = hashlib.sha256(f"{coverage}\0{filename}\0{code}".encode()).hexdigest()
    cached = Path(cache_dir) / f"{key}.pickle"
    if cached.is_file():
        return pickle.loads(cached.read_bytes())
    result = _run_fresh(code, filename, timeout, coverage)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(pickle.dumps(result))
    partial.replace(cached)  # 原子替换：并行的 xdist 进程不会读到写了一半的文件
    return result


def run_snippet(path: Path) -> SnippetResult:
    """单独运行一个代码文件，并测量它每一行是否都执行到。"""
    return run_code(path.read_text("utf8").rstrip("\n") + "\n", str(path), coverage=True)
