"""snippets/ 下的每个代码文件：单独运行、检查通过、输出与注释一致且在任何 CPU 上都一样、
每一行都执行到、用到随机数时固定了种子、文件名对应它所属的页面。"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dlnotes.expected_output import output_mismatch
from dlnotes.paths import DOCS, SNIPPETS, rel, snippet_files
from dlnotes.snippet_runs import output_problems, run_snippet

PATHS = snippet_files()
IDS = [rel(p) for p in PATHS]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_runs_and_its_checks_pass(path: Path) -> None:
    run = run_snippet(path)
    code = path.read_text("utf8")
    if run.error is not None:
        where = rel(path) + (f":{run.error_line}" if run.error_line else "")
        pytest.fail(f"{where}: 运行失败\n{run.error}", pytrace=False)

    if mismatch := output_mismatch(code, run.stdout):
        line, message = mismatch
        pytest.fail(f"{rel(path)}{f':{line}' if line else ''}: {message}", pytrace=False)

    if problems := output_problems(code, run):
        where = [f"{rel(path)}{f':{line}' if line else ''}: {text}" for line, text in problems]
        pytest.fail("打印的内容换一台机器可能不同：\n" + "\n".join(where), pytrace=False)

    if run.missing_lines:
        pytest.fail(
            f"{rel(path)}:{run.missing_lines[0]}: 这些行没有被执行到 {run.missing_lines}"
            "（没执行的示例等于没验证）",
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


def constant_asserts(tree: ast.AST) -> list[int]:
    """只比较字面常量的 assert（``assert 0.25**10 < 1e-6``）的行号：它们什么也没检查。"""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert)
        and not any(isinstance(n, ast.Name | ast.Attribute) for n in ast.walk(node.test))
    ]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_snippet_proves_something(path: Path) -> None:
    """只打印不检查的例子什么也证明不了：每个文件至少有一个 assert 或 assert_close，
    而且没有只比较常量的 assert。"""
    tree = ast.parse(path.read_text("utf8"), filename=str(path))
    has_assert = any(isinstance(node, ast.Assert) for node in ast.walk(tree))
    has_check_call = any(CHECK_CALLS.match(name) for name in _called_names(tree))
    assert has_assert or has_check_call, (
        f"{rel(path)}:1: 没有任何检查（assert / torch.testing.assert_close）"
    )
    if lines := constant_asserts(tree):
        pytest.fail(
            f"{rel(path)}:{lines[0]}: 这个 assert 只比较常量，什么也没检查（第 {lines} 行）："
            "和代码算出的量、PyTorch 的实现或 autograd 比较",
            pytrace=False,
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
