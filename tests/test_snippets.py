"""snippets/ 下的每个代码文件：单独运行、检查通过、输出与注释一致、每一行都执行到。"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from site_model import DOCS, SNIPPETS, rel, snippet_files
from snippet_process import run_snippet

TIME_LIMIT = 20.0  # 秒：超时即失败（单个代码文件的预算是“几秒”，见下面的耗时检查）
TIME_BUDGET = 8.0  # 秒：2 核机器上并行跑时的上限
EXPECTED_OUTPUT = re.compile(r"^\s*#>(?: (?P<text>.*))?$")

PATHS = snippet_files()
IDS = [rel(p) for p in PATHS]


def expected_output(path: Path) -> list[tuple[int, str]]:
    """文件里写在 print 下面的 ``#> …`` 注释：(行号, 期望的那一行输出)。"""
    found = []
    for number, line in enumerate(path.read_text("utf8").splitlines(), start=1):
        match = EXPECTED_OUTPUT.match(line)
        if match:
            found.append((number, match["text"] or ""))
    return found


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_runs_and_its_checks_pass(path: Path) -> None:
    result = run_snippet(path, timeout=TIME_LIMIT)
    where = rel(path) + (f":{result.error_line}" if result.error_line else "")
    assert result.error is None, f"{where}: 运行失败\n{result.error}"

    expected = expected_output(path)
    actual = result.stdout.splitlines()
    for index, (number, text) in enumerate(expected):
        got = actual[index] if index < len(actual) else "<没有这一行输出>"
        assert got == text, f"{rel(path)}:{number}: 注释写的输出是 {text!r}，实际打印 {got!r}"
    assert len(actual) == len(expected), (
        f"{rel(path)}: 打印了 {len(actual)} 行，但只有 {len(expected)} 行 `#> ` 注释；"
        f"多出的输出：{actual[len(expected) :]!r}（每行输出都要写在 print 下面，读者才能对照）"
    )

    assert not result.missing_lines, (
        f"{rel(path)}:{result.missing_lines[0]}: 这些行没有被执行到 {result.missing_lines}"
        "（没执行的示例等于没验证）"
    )
    assert result.seconds < TIME_BUDGET, (
        f"{rel(path)}: 运行了 {result.seconds:.1f} 秒，超过 {TIME_BUDGET} 秒的预算：把例子改小"
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
