"""代码里写的期望输出：每行 print 的输出写在它下面的注释里，``# > 输出``。

ruff format 会把 ``#>`` 规范成 ``# >``，两种都认。
"""

from __future__ import annotations

import re

EXPECTED = re.compile(r"^\s*# ?>(?: (?P<text>.*))?$")


def expected_output(code: str) -> list[tuple[int, str]]:
    """代码里的 ``# > …`` 注释：(在代码里的行号, 期望的那一行输出)。"""
    found = []
    for number, line in enumerate(code.splitlines(), start=1):
        if match := EXPECTED.match(line):
            found.append((number, match["text"] or ""))
    return found


def output_mismatch(code: str, stdout: str) -> tuple[int, str] | None:
    """实际输出与 ``# >`` 注释不一致时返回 (行号, 说明)；行号为 0 表示整体不一致。"""
    expected = expected_output(code)
    actual = stdout.splitlines()
    for index, (number, text) in enumerate(expected):
        got = actual[index] if index < len(actual) else "<没有这一行输出>"
        if got != text:
            return number, f"注释写的输出是 {text!r}，实际打印 {got!r}"
    if len(actual) != len(expected):
        return 0, (
            f"打印了 {len(actual)} 行，但只有 {len(expected)} 行 `# > ` 注释；"
            f"多出的输出：{actual[len(expected) :]!r}（每行输出都要写在 print 下面，读者才能对照）"
        )
    return None


def line_of_output(code: str, index: int) -> int:
    """第 index 行输出（从 0 开始）对应的 ``# >`` 注释在代码里的行号；没有时为 0。"""
    expected = expected_output(code)
    return expected[index][0] if index < len(expected) else 0
