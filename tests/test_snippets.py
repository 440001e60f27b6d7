"""snippets/ 下的每个代码文件：单独运行、检查通过、输出与注释一致、每一行都执行到。"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from site_model import DOCS, SNIPPETS, output_mismatch, rel, snippet_files
from snippet_process import run_snippet

TIME_BUDGET = 8.0  # 秒：2 核机器上并行跑时的上限

PATHS = snippet_files()
IDS = [rel(p) for p in PATHS]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_runs_and_its_checks_pass(path: Path) -> None:
    result = run_snippet(path)
    if result.error is not None:
        where = rel(path) + (f":{result.error_line}" if result.error_line else "")
        pytest.fail(f"{where}: 运行失败\n{result.error}", pytrace=False)

    mismatch = output_mismatch(path.read_text("utf8"), result.stdout)
    if mismatch:
        line, message = mismatch
        pytest.fail(f"{rel(path)}{f':{line}' if line else ''}: {message}", pytrace=False)

    if result.missing_lines:
        pytest.fail(
            f"{rel(path)}:{result.missing_lines[0]}: 这些行没有被执行到 {result.missing_lines}"
            "（没执行的示例等于没验证）",
            pytrace=False,
        )
    if result.seconds >= TIME_BUDGET:
        pytest.fail(
            f"{rel(path)}: 运行了 {result.seconds:.1f} 秒，超过 {TIME_BUDGET} 秒的预算：把例子改小",
            pytrace=False,
        )


CHECK_CALLS = re.compile(r"^(assert_close|assert_allclose|assert_array_equal|assert_equal)$")
RANDOM_CALLS = {
    "rand",
    "randn",
    "randint",
    "randperm",
    "rand_like",
    "randn_like",
    "normal",
    "bernoulli",
    "multinomial",
    "dropout",
    "Dropout",
    "Linear",
    "Conv1d",
    "Conv2d",
    "RNN",
    "LSTM",
    "GRU",
    "Embedding",
    "MultiheadAttention",
    "TransformerEncoderLayer",
}


def _called_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_proves_something(path: Path) -> None:
    """只打印不检查的例子什么也证明不了：每个文件至少有一个 assert 或 assert_close。"""
    tree = ast.parse(path.read_text("utf8"), filename=str(path))
    has_assert = any(isinstance(node, ast.Assert) for node in ast.walk(tree))
    has_check_call = any(CHECK_CALLS.match(name) for name in _called_names(tree))
    assert has_assert or has_check_call, (
        f"{rel(path)}:1: 没有任何检查（assert / torch.testing.assert_close）"
    )


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_randomness_is_seeded(path: Path) -> None:
    """用到随机数（随机张量、随机初始化的层、dropout）的文件必须先固定种子，复制运行结果才一致。"""
    source = path.read_text("utf8")
    names = _called_names(ast.parse(source))
    if names & RANDOM_CALLS and "torch" in source:
        assert "torch.manual_seed(" in source, f"{rel(path)}:1: 用了随机数但没有 torch.manual_seed"
    if re.search(r"\bnp\.random\.", source):
        assert re.search(r"np\.random\.default_rng\(\d+\)", source), (
            f"{rel(path)}:1: NumPy 随机数请用带种子的 np.random.default_rng(种子)"
        )


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_mirrors_a_page(path: Path) -> None:
    """snippets/<章>/<页>_<内容>.py 对应 docs/<章>/<页>.md。"""
    chapter = path.parent.relative_to(SNIPPETS)
    pages = [p.stem.replace("-", "_") for p in (DOCS / chapter).glob("*.md")]
    owners = [p for p in pages if path.stem == p or path.stem.startswith(p + "_")]
    assert owners, (
        f"{rel(path)}: 文件名要以所属页面开头"
        f"（docs/{chapter.as_posix()}/<页>.md -> <页>_<内容>.py），这一章的页面有：{sorted(pages)}"
    )
