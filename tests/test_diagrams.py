"""结构示意图（dlnotes/diagrams.py）：每张图都被页面用到、是合法的 SVG、文字不超出画布。"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest

from dlnotes import diagrams
from dlnotes.paths import pages, rel

SVG = "{http://www.w3.org/2000/svg}"
FENCE = re.compile(
    r"^[ \t]*```diagram[ \t]*\n[ \t]*(?P<name>[\w-]+)[ \t]*\n[ \t]*```", re.MULTILINE
)


def used() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in pages():
        text = page.read_text("utf8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.setdefault(match["name"], []).append(f"{rel(page)}:{line}")
    return found


def test_every_diagram_fence_names_a_diagram() -> None:
    unknown = [
        f"{where}: 未知的图 {name!r}"
        for name, places in used().items()
        if name not in diagrams.REGISTRY
        for where in places
    ]
    assert not unknown, "\n".join(unknown) + f"\n（已有：{sorted(diagrams.REGISTRY)}）"


@pytest.mark.parametrize("name", sorted(diagrams.REGISTRY))
def test_diagram_is_used(name: str) -> None:
    assert name in used(), f"dlnotes/diagrams.py 里的图 {name!r} 没有任何页面用到"


def text_width(s: str, size: float) -> float:
    """估计文字宽度：全角字符一个字号宽，其他字符约 0.6 个字号。"""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.6 * size for c in s)


@pytest.mark.parametrize("name", sorted(diagrams.REGISTRY))
def test_diagram_fits_its_canvas(name: str) -> None:
    figure = ET.fromstring(diagrams.render(name))
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    _, _, width, height = map(float, svg.get("viewBox").split())
    outside = []
    for element in svg.iter(f"{SVG}text"):
        size = 12 if element.get("class") == "small" else 18 if element.get("class") == "op" else 14
        x, y, w = float(element.get("x")), float(element.get("y")), text_width(element.text, size)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[element.get("text-anchor")]
        if left < 0 or left + w > width or y - size / 2 < 0 or y + size / 2 > height:
            outside.append(
                f"文字 {element.text!r} 在 x={x:g}, y={y:g}（画布 {width:g}×{height:g}）"
            )
    for element in svg.iter(f"{SVG}rect"):
        x, y = float(element.get("x")), float(element.get("y"))
        w, h = float(element.get("width")), float(element.get("height"))
        if x < 0 or y < 0 or x + w > width or y + h > height:
            outside.append(f"矩形 x={x:g}, y={y:g}, {w:g}×{h:g}（画布 {width:g}×{height:g}）")
    assert not outside, f"dlnotes/diagrams.py 的图 {name!r} 超出画布：\n" + "\n".join(outside)
