"""代码风格与工作流检查：ruff（snippets、tests、dlnotes 和 docs 里的笔记本）、actionlint、zizmor、
autocorrect（中文排版）。"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dlnotes.paths import ROOT, notebooks, pages, rel

BIN = Path(sys.executable).parent
PYTHON_DIRS = ["snippets", "tests", "dlnotes", "docs"]
WORKFLOWS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / ".github" / "workflows").glob("*.yml"))


def run(*command: str) -> None:
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"{' '.join(command)} 失败：\n{proc.stdout}{proc.stderr}"


def test_ruff_check() -> None:
    run(str(BIN / "ruff"), "check", "--output-format=concise", *PYTHON_DIRS)


def test_ruff_format() -> None:
    run(str(BIN / "ruff"), "format", "--check", "--diff", *PYTHON_DIRS)


def test_workflows_exist() -> None:
    assert WORKFLOWS, ".github/workflows/ 下没有工作流"


@pytest.mark.parametrize("tool", ["actionlint", "zizmor"])
def test_workflow_lint(tool: str) -> None:
    if tool == "actionlint":
        run(str(BIN / "actionlint"), "-no-color", *WORKFLOWS)
    else:
        run(str(BIN / "zizmor"), "--offline", "--no-progress", *WORKFLOWS)


def test_chinese_copywriting() -> None:
    """中英文之间加空格、全角标点等排版规则（autocorrect 的默认规则，公式和代码不检查）。"""
    import autocorrect_py

    problems = []
    for page in pages() + notebooks():
        result = autocorrect_py.lint_for(page.read_text("utf8"), str(page))
        problems += [
            f"{rel(page)}:{line.line}:{line.col}: {line.old!r} -> {line.new!r}"
            for line in result.lines
        ]
    assert not problems, "中文排版问题（`make fix-text` 可自动修正）：\n" + "\n".join(problems)
