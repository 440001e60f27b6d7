"""打印出来的数在任何 CPU 上都要印成一样：找出“碰巧”印成这样的数。

同一个浮点结果在不同的 CPU（Intel / AMD）、不同的线程数下，最后几位可能不同。只要印出来的
位数离舍入边界足够远，这点差别就看不出来。运行代码文件时，把每个“数变成文字”的地方包一层
检查（原值照常返回，输出不变），下面几种情况记成问题，带上行号：

- 有格式的（``f"{x:.4f}"``、``format(x, ".2e")``）和取到几位小数（``round(x, 3)``、
  ``t.round(decimals=2)``、``np.round(a, 2)``）：把 x 相对扰动 ±1e-6，印出（取整）的结果变了，
  说明它就在舍入边界上（取整到整数是计算，例如量化，不在此列）；
- 印成 0 的非零数（``f"{-3e-9:.4f}"`` 是 ``-0.0000``，``f"{3e-9:.4f}"`` 是 ``0.0000``）：它的
  符号是噪声，换一台机器就可能印出 ``-0.0000``；
- 没有格式的浮点数（``print(x)``、``f"{x}"``、``print(t.tolist())``、NumPy 数组）：最短表示超过
  6 位有效数字，就是把完整精度印出来了；
- PyTorch 张量（``print(t)``，默认 4 位小数）：逐个元素扰动，印出来的文字不能变。

整数值的浮点数（``1.0``、``3.0``）和 0 不扰动：它们通常是精确结果；二进制尾数很短的数
（半精度能精确表示的 ``1.0009765625``）印全也不算完整精度。
"""

from __future__ import annotations

import ast
import contextlib
import math
import re
import types
from typing import Any

import numpy as np
import torch

RELATIVE = 1e-6
MAX_DIGITS = 6
NEGATIVE_ZERO = re.compile(r"(?<![\w.])-0(?:\.0*)?(?:e[+-]?0+)?(?![\w.])")

problems: list[tuple[int, str]] = []  # (行号, 说明)：本进程里运行的代码发现的问题


# ------------------------------------------------------------------ 扰动


def _nudge(x: float, factor: float) -> float:
    return x if x == 0 or not math.isfinite(x) or x == int(x) else x * factor


def _nudged(value: Any, factor: float) -> Any:
    """把 value 里的浮点数按相对量扰动（整数值与 0 不动）；不是浮点数的原样返回。"""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float | np.floating):
        return type(value)(_nudge(float(value), factor))
    if isinstance(value, torch.Tensor) and value.is_floating_point():
        with torch.no_grad():
            exact = value == value.round()
            return torch.where(exact, value, (value.double() * factor).to(value.dtype))
    if isinstance(value, np.ndarray) and np.issubdtype(value.dtype, np.floating):
        return np.where(value == np.round(value), value, value * factor).astype(value.dtype)
    return value


def _variants(value: Any) -> list[Any]:
    return [_nudged(value, 1 + RELATIVE), _nudged(value, 1 - RELATIVE)]


# ------------------------------------------------------------------ 最短表示的位数


def _digits(text: str) -> int:
    """一个数的文字有几位有效数字（“0.30000000000000004” → 17，“1200.0” → 2）。"""
    mantissa = re.split(r"[eE]", text.lstrip("+-"))[0].replace(".", "")
    return len(mantissa.strip("0"))


def _short_binary(x: float) -> bool:
    """有限、且二进制尾数至多 11 位（半精度能精确表示）的数：它的十进制展开本身就是精确的，
    印全也不随机器变化（例如演示 fp16 舍入时的 1.0009765625 = 1 + 2⁻¹⁰）。"""
    if not math.isfinite(x) or x == 0:
        return True
    mantissa, _ = math.frexp(abs(x))
    return (mantissa * 2**11).is_integer()


def _too_precise(value: Any) -> str | None:
    """没有格式地印出时，value 里有没有印成完整精度的浮点数；有就返回那个数的文字。"""
    if isinstance(value, float | np.floating):
        text = str(value)
        return text if not _short_binary(float(value)) and _digits(text) > MAX_DIGITS else None
    if isinstance(value, np.ndarray) and np.issubdtype(value.dtype, np.floating):
        inexact = [x for x in value.flat if not _short_binary(float(x))]
        texts = [np.format_float_positional(x, unique=True, precision=8) for x in inexact]
        return next((t for t in texts if _digits(t) > MAX_DIGITS), None)
    if isinstance(value, list | tuple | set | frozenset):
        return next((found for item in value if (found := _too_precise(item))), None)
    if isinstance(value, dict):
        return _too_precise(list(value.keys()) + list(value.values()))
    return None


# ------------------------------------------------------------------ 包在打印处的检查


def _report(line: int, message: str) -> None:
    problems.append((line, message))


def _render(value: Any, conversion: int, spec: str) -> str:
    if conversion == ord("r"):
        value = repr(value)
    elif conversion == ord("s"):
        value = str(value)
    elif conversion == ord("a"):
        value = ascii(value)
    return format(value, spec)


def shown(value: Any, conversion: int, spec: str | None, line: int) -> Any:
    """``f"{value!conversion:spec}"`` 或 ``print(value)``：原样返回 value，顺便检查。"""
    # 检查自身出错不影响代码运行（真正的格式错误留给代码自己抛出）
    with contextlib.suppress(Exception):
        _check_shown(value, conversion, spec, line)
    return value


def _check_shown(value: Any, conversion: int, spec: str | None, line: int) -> None:
    if spec is None:  # 格式里又嵌了表达式（f"{x:.{n}f}"），不检查
        return
    if isinstance(value, torch.Tensor) and value.dim() == 0 and spec and not conversion:
        value = value.item()  # 0 维张量按格式印出时就是它的值
    text = _render(value, conversion, spec)
    if NEGATIVE_ZERO.search(text):
        _report(line, f"印出了负零 {text!r}（写成 `round(x, n) + 0.0`，或用 assert 检查它接近 0）")
    elif isinstance(value, torch.Tensor):  # torch 的打印格式（默认 4 位小数）：逐个元素扰动
        _check_variants(value, text, lambda v: _render(v, conversion, spec), line)
    elif not spec or conversion:  # 没有格式：看最短表示的位数
        if found := _too_precise(value):
            _report(
                line,
                f"印出了完整精度的浮点数 {found}（超过 {MAX_DIGITS} 位有效数字，最后几位随 CPU 和"
                '线程数变化）：用 f"{x:.4g}" 之类的格式或 round() 只印稳定的几位',
            )
    elif isinstance(value, float | np.floating) and value != 0 and text == format(0.0, spec):
        _report(
            line,
            f"非零的数 {float(value):.3g} 印成了 {text!r}：它的符号是计算误差，换台机器可能印成"
            "负零。印一个真正的 0（如 `round(x, n) + 0.0`），或用 assert 检查它接近 0",
        )
    else:
        _check_variants(value, text, lambda v: _render(v, conversion, spec), line)


def _check_variants(value: Any, text: str, render, line: int) -> None:
    for variant in _variants(value):
        other = render(variant)
        if other != text:
            _report(
                line,
                f"印出的 {text!r} 在舍入边界上：数值差 {RELATIVE:g}（相对）就印成 {other!r}；"
                "换一台 CPU 或线程数可能就变了。少印或多印一位，让它离边界远一些",
            )
            return


def rounded(function: Any, value: Any, args: tuple, kwargs: dict, line: int) -> Any:
    """``round(value, n)``、``value.round(decimals=n)``、``np.round(value, n)``：取整并检查。"""
    result = function(value, *args, **kwargs)
    try:
        if not isinstance(result, int):
            for variant in _variants(value):
                other = function(variant, *args, **kwargs)
                if not _same(result, other):
                    _report(
                        line,
                        f"取整的结果在舍入边界上：数值差 {RELATIVE:g}（相对）就从 {result} 变成"
                        f" {other}；少取或多取一位，让它离边界远一些",
                    )
                    break
    except Exception:
        pass
    return result


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, torch.Tensor):
        return bool(torch.equal(a, b))
    if isinstance(a, np.ndarray):
        return bool(np.array_equal(a, b))
    return a == b


def round_call(target: Any, *args: Any, __line: int = 0, **kwargs: Any) -> Any:
    """``target.round(...)``：target 是模块（np.round、torch.round）时取第一个参数为被取整的值。

    只检查取到若干位小数的（``np.round(a, 2)``、``t.round(decimals=2)``）：那是为了印出来。
    取整到整数（``torch.round(x / scale)``，量化）是计算的一步，十万个数里总有几个挨着 .5；
    它若因 CPU 不同而变，后面印出的结果会变，由换一套配置重新运行的比对抓住。"""
    module = isinstance(target, types.ModuleType)  # np.round(a, 2)、torch.round(t, decimals=2)
    function = target.round if module else (lambda v, *a, **k: v.round(*a, **k))
    value, rest = (args[0], args[1:]) if module else (target, args)
    if not rest and "decimals" not in kwargs:
        return function(value, *rest, **kwargs)
    return rounded(function, value, rest, kwargs, __line)


# ------------------------------------------------------------------ 改写代码


SHOWN, ROUNDED, ROUND_CALL = "__dlnotes_shown__", "__dlnotes_rounded__", "__dlnotes_round_call__"
HELPERS = {SHOWN: shown, ROUNDED: rounded, ROUND_CALL: round_call}


def _constant_spec(spec: ast.expr | None) -> str | None:
    if spec is None:
        return ""
    if isinstance(spec, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in spec.values):
        return "".join(str(v.value) for v in spec.values)  # type: ignore[attr-defined]
    return None


class _Instrument(ast.NodeTransformer):
    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.AST:
        self.generic_visit(node)
        spec = _constant_spec(node.format_spec)
        node.value = ast.copy_location(
            ast.Call(
                ast.Name(SHOWN, ast.Load()),
                [node.value, ast.Constant(max(node.conversion, 0)), ast.Constant(spec),
                 ast.Constant(node.lineno)],
                [],
            ),
            node.value,
        )  # fmt: skip
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"print", "str", "repr"}:
            conversion = ord("r") if func.id == "repr" else ord("s")
            node.args = [self._shown(arg, conversion, node.lineno) for arg in node.args]
        elif isinstance(func, ast.Name) and func.id == "format" and len(node.args) == 2:
            spec = node.args[1].value if isinstance(node.args[1], ast.Constant) else None
            node.args[0] = self._shown(node.args[0], -1, node.lineno, spec)
        elif isinstance(func, ast.Name) and func.id == "round" and len(node.args) == 2:
            return ast.copy_location(
                ast.Call(
                    ast.Name(ROUNDED, ast.Load()),
                    [func, node.args[0], ast.Tuple(node.args[1:], ast.Load()),
                     ast.Dict([], []), ast.Constant(node.lineno)],
                    [],
                ),
                node,
            )  # fmt: skip
        elif isinstance(func, ast.Attribute) and func.attr in {"round", "around"}:
            keywords = [*node.keywords, ast.keyword("__line", ast.Constant(node.lineno))]
            return ast.copy_location(
                ast.Call(ast.Name(ROUND_CALL, ast.Load()), [func.value, *node.args], keywords),
                node,
            )
        return node

    @staticmethod
    def _shown(arg: ast.expr, conversion: int, line: int, spec: str | None = "") -> ast.expr:
        if isinstance(arg, ast.JoinedStr | ast.Constant | ast.Starred):
            return arg  # f-string 里的值已经各自检查过
        call = ast.Call(
            ast.Name(SHOWN, ast.Load()),
            [arg, ast.Constant(max(conversion, 0)), ast.Constant(spec), ast.Constant(line)],
            [],
        )
        return ast.copy_location(call, arg)


def instrument(code: str, filename: str) -> types.CodeType:
    """编译代码，并在每个把数变成文字的地方加上检查；行号不变。"""
    tree = _Instrument().visit(ast.parse(code, filename))
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec", dont_inherit=True)
