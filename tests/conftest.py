"""测试共用的夹具：整个测试运行只构建一次站点。"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_build import Build, shared_build


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    return shared_build(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    if build.problems:
        pytest.skip("站点构建失败，原因见 tests/test_site.py::test_strict_build")
    return build.site
