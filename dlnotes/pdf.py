"""整站一个 PDF（``make pdf``，也是 ``make build`` 和测试里那次构建的最后一步）。

做法：按 nav 的顺序取每页构建好的正文（``<article>``，公式已由构建时的 KaTeX 排好，
笔记本的图是内嵌的 SVG），拼成一个 HTML，交给测试用的同一个 Chromium 打印。

- 每页的 id 加上页面前缀（``models-cnn--padding``），页面之间、页面内部的链接都改成文档内的
  ``#…``：PDF 里点链接跳到 PDF 里的那一节；链接到不在 PDF 里的页面时只留文字；
- 封面、目录（链接到各页），PDF 书签（Chromium 按标题生成），页脚的页码；
- 折叠块（面试题的答案）全部展开，标签页的每一页都印出来，代码长行自动折行；
- 中文用 Noto Sans CJK SC（Debian 的 fonts-noto-cjk），裁剪并转成 TrueType 轮廓后
  （``pdf_fonts``）由 Chromium 嵌进 PDF；不从任何其他主机取东西。

没有用 mkdocs-print-site-plugin：它在 ``on_post_build`` 里才渲染合并页，那时本站的公式排版
（``hooks/math.py``，``on_post_page``）已经过去，PDF 里会剩下原样的 TeX。

打印结果按合并页和样式的内容缓存（``.cache/pdf/``）：内容没变时直接复用，不再打印。
PDF 做好后，首页“整站 PDF”链接旁写上它的大小和页数。
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

from dlnotes.paths import ROOT, cache_dir, link_target, page_url
from dlnotes.pdf_fonts import cjk_fonts, font_face_css

PDF_NAME = "dlnotes.pdf"
COMBINED = "_pdf.html"  # 打印用的合并页，打印完就删掉（不发布）
SKIPPED = {"practice.md": "面试练习是交互页面"}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*([^"]+)"')
ID = re.compile(r'\bid="([^"]+)"')
REFERENCE = re.compile(r'(\b(?:xlink:)?href=")([^"]*)(")|(url\(#)([^)]+)(\))')
DROPPED = [
    re.compile(r'<a class="(?:headerlink|anchor-link)"[^>]*>.*?</a>', re.DOTALL),  # 标题后的 ¶
    re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL),
]
# 首页上的占位：<span data-dl-pdf-size></span> → “（12.3 MB，815 页）”
SIZE_SLOT = re.compile(r"<span data-dl-pdf-size>[^<]*</span>")

PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm; }
html, body { background: #fff; }
body { font-family: "DL CJK", sans-serif;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.md-typeset { font-size: 10pt; line-height: 1.6; }
.md-typeset code, .md-typeset pre, .md-typeset kbd {
  font-family: "DejaVu Sans Mono", "DL CJK", monospace; }
.md-typeset pre > code { white-space: pre-wrap; overflow-wrap: anywhere; }
.md-typeset h1, .md-typeset h2, .md-typeset h3 { break-after: avoid; }
.md-typeset :is(.highlight, table, figure, svg) { break-inside: avoid; }
.md-typeset details > summary::after { display: none; }
.tabbed-set > .tabbed-labels { display: none; }
.tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }
.dl-pdf-tab { font-weight: 700; margin: 0.6em 0 0.2em; }
/* 分页放在空的 div 上：父元素带 break-before 时，Chromium 生成的书签里标题会重复一遍 */
.dl-pdf-break { break-after: page; }
.dl-pdf-cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.dl-pdf-cover h1 { font-size: 32pt; margin: 0 0 0.4em; color: #283593; }
.dl-pdf-cover p { font-size: 12pt; margin: 0.3em 0; }
.md-typeset .dl-pdf-toc ol { list-style: none; margin-left: 0; padding-left: 0; }
.md-typeset .dl-pdf-toc ol ol { padding-left: 1.5em; }
.md-typeset .dl-pdf-toc li { margin: 0.15em 0; }
.dl-pdf-toc a { color: inherit; text-decoration: none; }
.md-source-file { display: none; }
"""
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
# 每个元素的字体列表里、第一个通用字体（serif、monospace……）之前插入中文字体和 DejaVu Sans
# （都是 TrueType）：代码、笔记本单元格、公式里的 \text{中文} 用的字体里没有的字由它们显示，
# 而不是由通用字体退回到系统的 CFF 字体（那样会嵌成 Type 3 字体）。先全部读、再全部写。
CJK_FALLBACK = r"""() => {
  const generic = /^(serif|sans-serif|monospace|math|cursive|fantasy|system-ui|ui-\w+|emoji)$/;
  const elements = [...document.querySelectorAll('body *')];
  const families = elements.map((e) => getComputedStyle(e).fontFamily);
  elements.forEach((e, i) => {
    if (families[i].includes('DL CJK')) return;
    const list = families[i].split(',').map((f) => f.trim());
    const at = list.findIndex((f) => generic.test(f));
    list.splice(at < 0 ? list.length : at, 0, '"DL CJK"', '"DejaVu Sans"');
    e.style.fontFamily = list.join(', ');
  });
}"""
# 标签页：每一页前面印出它的标题（页面上它在标签栏里）
LABEL_TABS = """() => {
  for (const set of document.querySelectorAll('.tabbed-set')) {
    const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')];
    const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')];
    blocks.forEach((block, i) => {
      const title = document.createElement('p');
      title.className = 'dl-pdf-tab';
      title.textContent = labels[i] ? labels[i].innerText.trim() : '';
      block.prepend(title);
    });
  }
}"""


@dataclass(frozen=True)
class NavPage:
    chapter: str  # 所在章节（首页为空）
    title: str
    src: str  # 相对 docs/ 的源文件
    url: str  # 站点内的目录式地址

    @property
    def anchor(self) -> str:
        return self.url.strip("/").replace("/", "-") or "home"


@dataclass(frozen=True)
class Pdf:
    path: Path
    pages: int
    size: int  # 字节
    seconds: float
    cached: bool


def nav_pages() -> list[NavPage]:
    """mkdocs.yml 的 nav 里的页面，按阅读顺序（章节的索引页在章节的最前面）。"""
    config = load_config(str(ROOT / "mkdocs.yml"))
    found: list[NavPage] = []

    def walk(items: list, chapter: str) -> None:
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
            if isinstance(value, list):
                walk(value, title)
            elif value not in SKIPPED:
                found.append(NavPage(chapter, title or chapter, value, page_url(value)))

    walk(config["nav"], "")
    return found


def _resolve(href: str, page: NavPage, anchors: dict[str, str]) -> str | None:
    """页面里的一个链接 → 合并页里的地址；指向 PDF 外面的站内地址时返回 None。"""
    target = link_target(page.url, href)
    if target is None:
        return href  # 外部链接、data: 原样保留
    url, fragment = target
    if url not in anchors:
        return None
    return f"#{anchors[url]}--{fragment}" if fragment else f"#{anchors[url]}"


def page_section(page: NavPage, built: str, anchors: dict[str, str]) -> str:
    """一页的正文，id 和链接都改成在合并页里唯一、可以跳转的形式。"""
    match = ARTICLE.search(built)
    if match is None:
        raise ValueError(f"{page.url or '首页'}: 构建出的 HTML 里没有正文（<article>）")
    body = match[1]
    for pattern in DROPPED:
        body = pattern.sub("", body)
    own_ids = set(ID.findall(body))
    prefix = page.anchor

    def reference(m: re.Match[str]) -> str:
        if m[4]:  # SVG 里的 url(#id)
            name = m[5]
            return f"{m[4]}{prefix}--{name}{m[6]}" if name in own_ids else m[0]
        href = m[2]
        if href.startswith("#"):
            return f"{m[1]}#{prefix}--{href[1:]}{m[3]}" if href[1:] in own_ids else m[0]
        resolved = _resolve(href, page, anchors)
        if resolved is None:  # 不在 PDF 里的站内页面：去掉链接，只留文字
            return f'data-dl-href="{href}"'
        return f"{m[1]}{html.escape(resolved)}{m[3]}"

    body = REFERENCE.sub(reference, body)
    body = ID.sub(lambda m: f'id="{prefix}--{m[1]}"', body)
    body = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", body)
    return f'<div class="dl-pdf-break"></div><section id="{prefix}">{body}</section>'


def combined_html(site: Path, pages: list[NavPage], version: str) -> str:
    anchors = {page.url: page.anchor for page in pages}
    sections = [page_section(p, built_page(site, p).read_text("utf8"), anchors) for p in pages]
    styles = sorted(
        {
            href
            for p in pages[:1] + [p for p in pages if p.src.endswith(".py")][:1]
            for href in STYLESHEET.findall(built_page(site, p).read_text("utf8"))
        },
        key=lambda href: ("extra" in href, "notebook" in href, href),
    )
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(h)}">' for h in styles)
    toc: list[str] = []
    chapter = None
    for page in pages:
        if page.chapter != chapter:
            if chapter is not None:
                toc.append("</ol></li>")
            chapter = page.chapter
            toc.append(f"<li><strong>{html.escape(chapter or '首页')}</strong><ol>")
        toc.append(f'<li><a href="#{page.anchor}">{html.escape(page.title)}</a></li>')
    toc.append("</ol></li>")
    chapters = len({p.chapter for p in pages if p.chapter})
    return f"""<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>深度学习笔记</title>
{links}
<style>{PRINT_CSS}</style></head>
<body data-md-color-scheme="default" data-md-color-primary="indigo">
<div class="md-typeset">
<section class="dl-pdf-cover">
<h1>深度学习笔记</h1>
<p>深度学习面试与复习：按主题整理，公式用 PyTorch 验证，每段代码都由测试套件运行过。</p>
<p>{chapters} 章，{len(pages)} 篇。版本 {html.escape(version)}。</p>
</section>
<div class="dl-pdf-break"></div>
<nav class="dl-pdf-toc" id="toc"><h1>目录</h1><ol>{"".join(toc)}</ol></nav>
{"".join(sections)}
</div></body></html>
"""


def built_page(site: Path, page: NavPage) -> Path:
    return site / page.url / "index.html"


def _version() -> str:
    """“提交号（日期）”；不在 git 仓库里时为“未提交的工作区”。"""
    result = subprocess.run(
        ["git", "log", "-1", "--format=%h（%cs）"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or "未提交的工作区"


def compress(source: Path, out: Path) -> int:
    """把 Chromium 的 PDF 存进对象流（qpdf）：带结构标签的 PDF 小到三分之一左右。返回页数。"""
    import pikepdf

    with pikepdf.open(source) as pdf:
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
        return len(pdf.pages)


def print_pdf(source: Path, out: Path) -> None:
    """用测试用的同一个 Chromium 打印合并页。"""
    from playwright.sync_api import sync_playwright

    from dlnotes.testing.browser import LAUNCH

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**LAUNCH)
        page = browser.new_page()
        foreign: list[str] = []
        page.on(
            "request",
            lambda r: None if r.url.startswith(("file:", "data:")) else foreign.append(r.url),
        )
        page.set_default_timeout(0)  # 整站一页很大，加载和排版要几十秒；卡住由调用方的超时兜底
        page.goto(source.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready")
        page.evaluate(LABEL_TABS)
        page.evaluate(CJK_FALLBACK)
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            outline=True,
            tagged=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        )
        browser.close()
    if foreign:
        raise RuntimeError(f"打印 PDF 时向其他主机发了请求：{foreign[:3]}")


def build_pdf(site: Path) -> Pdf:
    """在构建好的 ``site`` 里生成 ``dlnotes.pdf``，并在首页写上它的大小和页数。"""
    start = time.perf_counter()
    # KaTeX 的 HTML 里有零宽空格（U+200B，给 Safari 的补丁）：中文字体里没有这个字，Chromium 会
    # 为它退回到系统的 CFF 字体，每页多出一个 Type 3 字体。它不显示任何东西，去掉。
    text = combined_html(site, nav_pages(), _version()).replace("\u200b", "")
    styles = b"".join((site / href).read_bytes() for href in sorted(set(STYLESHEET.findall(text))))
    cache = cache_dir("pdf", text.encode(), styles, PRINT_CSS.encode(), Path(__file__).read_bytes())
    cached = cache / PDF_NAME
    hit = cached.is_file()
    if not hit:
        # 样式表里也有字（`content: "✓ 已由测试运行"`）
        fonts = font_face_css(cjk_fonts(text + styles.decode("utf8", "ignore"), cache))
        source = site / COMBINED
        source.write_text(text.replace("<style>", f"<style>{fonts}\n", 1), "utf8")
        try:
            print_pdf(source, cache / "printed.pdf")
        finally:
            source.unlink(missing_ok=True)
        pages = compress(cache / "printed.pdf", cache / "partial.pdf")
        (cache / "pages").write_text(str(pages))
        (cache / "printed.pdf").unlink()
        (cache / "partial.pdf").replace(cached)
    out = site / PDF_NAME
    shutil.copyfile(cached, out)
    count = int((cache / "pages").read_text())
    pdf = Pdf(out, count, out.stat().st_size, time.perf_counter() - start, hit)
    home = site / "index.html"
    size = f"（{pdf.size / 2**20:.1f} MB，{pdf.pages} 页）"
    homepage = home.read_text("utf8")
    if not SIZE_SLOT.search(homepage):
        raise ValueError("首页没有 PDF 大小的位置（<span data-dl-pdf-size></span>）")
    partial = home.with_suffix(".partial")  # 换成新文件而不是原地改写：读的人不会读到半个文件
    partial.write_text(SIZE_SLOT.sub(f"<span data-dl-pdf-size>{size}</span>", homepage), "utf8")
    partial.replace(home)
    return pdf


def main() -> None:
    parser = argparse.ArgumentParser(description="把构建好的站点打印成一个 PDF")
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), type=Path)
    site = parser.parse_args().site.resolve()
    pdf = build_pdf(site)
    note = "（内容没变，用的是缓存）" if pdf.cached else ""
    print(f"{pdf.path}: {pdf.pages} 页，{pdf.size / 2**20:.1f} MB，{pdf.seconds:.1f} s{note}")


if __name__ == "__main__":
    main()
