"""只发布公式实际用到的字形：把 KaTeX 的字体裁剪成全站公式里出现过的字符。

KaTeX 的 20 个 woff2 字体共约 250 KB，一页公式常常要下载其中五六个（约 100 KB），而全站公式
用到的字符只有两三百个。``math`` 钩子排版时记下每个公式里出现的字符（``used``），构建结束时
``katex`` 钩子用 fontTools 把每个字体裁剪到这些字符（按字符集的哈希缓存在 .cache/katex-fonts/）。
字符集是每次构建从页面里算出来的，公式新用到一个字符，字体里就有它。
"""

from __future__ import annotations

import hashlib
import re
import shutil
from importlib.metadata import version
from pathlib import Path

from dlnotes.paths import CACHE

used: set[str] = set()
# KaTeX 的 HTML 部分（读者看到的字形；MathML 部分是给读屏软件的，不用字体）
HTML_PART = re.compile(r'<span class="katex-html"[^>]*>(.*?)(?=<span class="katex">|$)', re.DOTALL)
TEXT = re.compile(r">([^<]+)<")


def record(rendered: str) -> None:
    """记下一个排版好的公式里出现的字符。"""
    for part in HTML_PART.findall(rendered):
        for text in TEXT.findall(part):
            used.update(text)


def subset(fonts: Path) -> None:
    """把 fonts/ 里的每个 woff2 裁剪到 ``used`` 里的字符（原地替换）。"""
    chars = "".join(sorted(used | {" ", "\u00a0"}))
    key = hashlib.sha256(f"{chars}|{version('fonttools')}|{version('brotli')}".encode())
    for font in sorted(fonts.glob("*.woff2")):
        key.update(font.name.encode() + font.read_bytes())
    cache = CACHE / "katex-fonts" / key.hexdigest()[:20]
    if not cache.is_dir():
        _subset_into(fonts, chars, cache)
    for font in cache.glob("*.woff2"):
        shutil.copyfile(font, fonts / font.name)


def _subset_into(fonts: Path, chars: str, cache: Path) -> None:
    from fontTools import subset as ft

    options = ft.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.notdef_outline = True
    partial = cache.with_suffix(".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for font in sorted(fonts.glob("*.woff2")):
        loaded = ft.load_font(str(font), options)
        subsetter = ft.Subsetter(options)
        subsetter.populate(text=chars)
        subsetter.subset(loaded)
        ft.save_font(loaded, str(partial / font.name), options)
    shutil.rmtree(cache, ignore_errors=True)
    partial.rename(cache)
