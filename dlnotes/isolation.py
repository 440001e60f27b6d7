"""在全新的进程里运行代码：全项目唯一的 forkserver。

代码文件、页面代码块和笔记本都要像读者那样“在一个新文件里从头运行”：没有别的代码留下的
变量、随机数状态和全局设置。新开一个解释器每次要付约 2 秒的 ``import torch``，所以这里用
一个预先导入了全部重型库的 forkserver，每次运行从它 fork 出一个全新的子进程。

CPython 每个进程只有一个 forkserver，预先导入的列表以第一次启动时为准，所以整个项目只有
这一个 ``PRELOAD``。列表里的 ``"__main__"`` 让 forkserver 也预先导入主程序（pytest、mkdocs），
否则每个子进程都要重新导入一遍主程序（pytest 约 70 毫秒）。

数值配置（``NUMERICS``）：同一段代码先按“参考配置”运行，再换一套 CPU 指令集与线程数运行，
两次打印的内容必须相同（见 ``snippet_runs``）。两套都是固定的，与运行测试的机器无关：
Intel 还是 AMD、几个核，测试的结论都一样。
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

PRELOAD = [
    "__main__",
    "torch",
    "torch.nn",
    "torch.nn.functional",
    "torch.testing",
    "torch.optim",  # 第一次构造优化器时导入 torch._dynamo，约 0.9 秒
    "torch._dynamo",
    "numpy",
    "coverage",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "IPython.core.interactiveshell",
    "nbformat",
    "jupytext",
    "noto_cjk_sans_otc",
    "dlnotes.notebook_kernel",
    "dlnotes.print_check",
]
# OpenMP（libgomp）在加载时读这个变量。默认的线程在等待时空转：机器被别的进程占满时，
# 两个线程互相等对方拿到 CPU，小算子慢几倍（实测一个 Seq2Seq 示例 41 秒 → 16 秒）。
# forkserver 是新启动的解释器，继承这里的环境，再导入 torch。
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOAD)

# 两套数值配置。ATen（PyTorch 的算子）、MKL（矩阵乘法）、oneDNN（卷积）都在第一次用到时
# 才读这些环境变量，forkserver 里没有做过运算，所以在子进程里设置仍然有效。
# - reference：AVX2 指令集、单线程。AVX2 是 x86 服务器和个人电脑的公约数（AMD EPYC 也是）。
# - other：不用 SIMD 的通用代码路径、两个线程：浮点求和的顺序、分块都不同。
NUMERICS: dict[str, dict[str, Any]] = {
    "reference": {
        "threads": 1,
        "env": {
            "ATEN_CPU_CAPABILITY": "avx2",
            "MKL_ENABLE_INSTRUCTIONS": "AVX2",
            "ONEDNN_MAX_CPU_ISA": "AVX2",
        },
    },
    "other": {
        "threads": 2,
        "env": {
            "ATEN_CPU_CAPABILITY": "default",
            "MKL_CBWR": "COMPATIBLE",
            "ONEDNN_MAX_CPU_ISA": "SSE41",
        },
    },
}


class Timeout(Exception):
    pass


class Crashed(Exception):
    """子进程没有送回结果就退出了（例如被信号杀死）。"""


def apply_numerics(name: str) -> None:
    """在子进程里、运行代码之前调用。"""
    import torch

    setting = NUMERICS[name]
    os.environ.update(setting["env"])
    os.environ["OMP_NUM_THREADS"] = str(setting["threads"])
    torch.set_num_threads(setting["threads"])


def _child(target: Callable[..., Any], args: tuple, conn) -> None:
    try:
        conn.send(target(*args))
    finally:
        conn.close()


def run_fresh(target: Callable[..., Any], *args: Any, timeout: float) -> Any:
    """在一个从 forkserver fork 出来的新进程里调用 ``target(*args)``，返回它的结果。

    ``target`` 必须是模块级函数（按名字传给子进程），结果必须能 pickle。
    超过 ``timeout`` 秒抛出 :class:`Timeout`（子进程被杀掉）。
    """
    receive, send = _context.Pipe(duplex=False)
    process = _context.Process(target=_child, args=(target, args, send))
    process.start()
    send.close()
    try:
        if not receive.poll(timeout):
            process.kill()
            raise Timeout(f"超过 {timeout:.0f} 秒没有运行完")
        try:
            return receive.recv()
        except EOFError:
            raise Crashed(f"子进程异常退出（退出码 {process.exitcode}）") from None
    finally:
        process.join()
        receive.close()
