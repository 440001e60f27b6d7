"""PDF 用的中文字体：Noto Sans CJK SC（Debian 的 fonts-noto-cjk）裁剪到用到的字，轮廓转成 TrueType。

Chromium（Skia）只能把 TrueType 轮廓的字体作为真正的字体（CID TrueType，带子集）嵌进 PDF；
Noto CJK 是 CFF 轮廓的字体集（.ttc），直接用时每 256 个字形变成一个 Type 3 字体，
整站的 PDF 有七百多个 Type 3 字体、六十多 MB。这里用 fontTools（随 matplotlib 安装）裁剪出
正文用到的字，把三次曲线近似成二次曲线（``cu2qu``，误差 1 个字体单位），存成 .ttf，
合并页用 ``@font-face`` 引用。粗体同样处理（否则 Chromium 用合成粗体，又是 Type 3）。
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
FAMILY = "Noto Sans CJK SC"
WEIGHTS = {400: "NotoSansCJK-Regular.ttc", 700: "NotoSansCJK-Bold.ttc"}
MAX_ERROR = 1.0  # 二次曲线近似三次曲线的最大误差（字体单位，全字 1000 个单位）


def _pick(collection: Path) -> TTFont:
    if not collection.is_file():
        raise FileNotFoundError(
            f"没有 {collection}：PDF 的中文字体来自 Debian 的 fonts-noto-cjk（.ci/run 会安装）"
        )
    fonts = TTCollection(str(collection)).fonts
    return next(font for font in fonts if font["name"].getDebugName(1) == FAMILY)


def _to_truetype(font: TTFont) -> None:
    """CFF 轮廓 → TrueType 轮廓（fontTools 的 otf2ttf 做法）。"""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font.sfntVersion = "\x00\x01\x00\x00"


def cjk_fonts(text: str, folder: Path) -> dict[int, Path]:
    """``text`` 里用到的字的 Noto Sans CJK SC 常规体和粗体（TrueType 轮廓），存进 ``folder``。"""
    made = {}
    for weight, name in WEIGHTS.items():
        out = folder / f"noto-sans-sc-{weight}.ttf"
        if not out.is_file():
            font = _pick(NOTO_CJK / name)
            options = subset.Options()
            options.layout_features = []  # 不要替换字形：替换出的字形在 PDF 里取不回原文字
            options.name_IDs = ["*"]
            subsetter = subset.Subsetter(options)
            subsetter.populate(text=text)
            subsetter.subset(font)
            _to_truetype(font)
            font.save(str(out))
        made[weight] = out
    return made


def font_face_css(fonts: dict[int, Path]) -> str:
    return "\n".join(
        f'@font-face {{ font-family: "DL CJK"; font-weight: {weight}; '
        f'src: url("{path.as_uri()}") format("truetype"); }}'
        for weight, path in fonts.items()
    )
