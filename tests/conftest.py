"""测试共用的夹具：整个测试运行只构建一次站点。

完整运行（``make test``，不指定文件）时，主进程一开始就在后台线程里构建站点，
xdist 的工作进程同时先跑代码文件的测试；需要站点或笔记本执行结果的测试排在最后，
到它们时构建通常已经完成。
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from site_build import Build, shared_build
from snippet_process import RUN_CACHE_ENV

LATE = ("tests/test_site.py", "tests/test_browser.py", "tests/test_notebooks.py")


@pytest.hookimpl(trylast=True)  # reader_fences 先建好本次运行的共享目录
def pytest_configure(config) -> None:
    full_run = not config.option.file_or_dir and not hasattr(config, "workerinput")
    if full_run and not config.option.collectonly and RUN_CACHE_ENV in os.environ:
        run_dir = Path(os.environ[RUN_CACHE_ENV])
        threading.Thread(target=shared_build, args=(run_dir,), daemon=True).start()


def pytest_collection_modifyitems(items) -> None:
    items.sort(key=lambda item: item.nodeid.startswith(LATE))


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    return shared_build(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    if build.problems:
        pytest.skip("站点构建失败，原因见 tests/test_site.py::test_strict_build")
    return build.site
