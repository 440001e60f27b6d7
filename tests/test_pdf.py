"""整站 PDF（site/dlnotes.pdf，构建的最后一步，见 dlnotes/pdf.py）：

- ``pdftotext``：每页的标题都在，没有原样的 TeX（``\\frac``、``$$``、``\\(``），代码在；
- ``pdffonts``：每个字体都嵌进了 PDF；
- pikepdf：每页的标题都是书签，目录和页面之间的链接跳到 PDF 里存在的位置；
- 首页的“整站 PDF”链接写着这个文件的真实大小和页数。

没有 poppler-utils（pdftotext、pdffonts）时跳过并说明原因（.ci/run 会安装它）。
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pikepdf
import pytest

from dlnotes.pdf import PDF_NAME, SIZE_SLOT, nav_pages
from dlnotes.testing.site_build import Build

if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
    pytest.skip(
        "PDF 测试跳过：没有 pdftotext/pdffonts（Debian: apt-get install poppler-utils）",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def pdf(build: Build, site: Path) -> Path:
    assert not build.pdf_problem, f"整站 PDF 没有做出来：\n{build.pdf_problem}"
    path = site / PDF_NAME
    assert path.is_file(), f"构建没有生成 {path}"
    return path


@cache
def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def page_titles(site: Path) -> dict[str, str]:
    """nav 里每页（面试练习除外）的一级标题，即 PDF 里这一页的书签。"""
    titles = {}
    for page in nav_pages():
        built = (site / page.url / "index.html").read_text("utf8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", built, re.DOTALL)
        assert h1, f"{page.src}: 构建出的页面没有一级标题"
        text = re.sub(r"<a class=\"(?:headerlink|anchor-link)\".*?</a>|<[^>]+>", "", h1[1])
        titles[page.src] = re.sub(r"\s+", " ", html.unescape(text)).strip()
    return titles


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pdf_text_has_every_page_code_and_no_raw_tex(pdf: Path, site: Path) -> None:
    text = pdf_text(pdf)
    flat = squeeze(text)
    missing = [f"{src}（{title}）" for src, title in page_titles(site).items()
               if squeeze(title) not in flat]  # fmt: skip
    assert not missing, f"PDF 的文字里没有这些页面的标题：{missing}"
    raw = [marker for marker in ("\\frac", "$$", "\\(", "\\[", "\\mathbf") if marker in text]
    assert not raw, f"PDF 里有原样的 TeX：{raw}"
    # 代码：几乎每个代码文件都固定随机种子；PDF 里要有几百个代码块的文字
    seeds = text.count("torch.manual_seed(0)")
    assert seeds > 200, f"PDF 里只找到 {seeds} 处 torch.manual_seed(0)，代码块没有印出来？"
    assert "def " in text and "import torch" in text


def test_every_font_is_embedded(pdf: Path) -> None:
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "pdffonts 没有列出任何字体"
    # 列：name type [encoding…] emb sub uni object ID；emb 是倒数第 5 列
    not_embedded = [line for line in listing if line.split()[-5] != "yes"]
    assert not not_embedded, "这些字体没有嵌进 PDF：\n" + "\n".join(not_embedded)
    # 中文用裁剪并转成 TrueType 的 Noto Sans CJK（dlnotes/pdf_fonts.py）；没有 Type 3 字体
    # （系统的 CFF 字体只能嵌成 Type 3，文件大、取不回文字）
    assert any("NotoSansCJK" in line and "TrueType" in line for line in listing), listing[:5]
    type3 = sum(" Type 3 " in line for line in listing)
    assert not type3, f"{type3} 个 Type 3 字体：有的字没有用 TrueType 字体显示"


def test_bookmarks_and_internal_links(pdf: Path, site: Path) -> None:
    """每页标题是一个书签；链接全部指向 PDF 里存在的位置，目录链到每一页。"""
    with pikepdf.open(pdf) as document:
        with document.open_outline() as outline:
            bookmarks = set()
            stack = list(outline.root)
            while stack:
                item = stack.pop()
                bookmarks.add(squeeze(str(item.title)))
                stack.extend(item.children)
        missing = [title for title in page_titles(site).values() if squeeze(title) not in bookmarks]
        assert not missing, f"这些页面没有书签：{missing}"
        destinations = document.Root.get("/Dests", pikepdf.Dictionary())
        page_objects = {page.objgen for page in document.pages}
        targets, broken, external = [], [], []
        for page in document.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                if "/Dest" not in annotation:
                    action = annotation.get("/A", {})
                    external.append(str(action.get("/URI", action)))
                    continue
                name = annotation.Dest
                dest = destinations.get(name) if isinstance(name, pikepdf.Name) else name
                if isinstance(dest, pikepdf.Dictionary):
                    dest = dest.get("/D")
                if dest is None or dest[0].objgen not in page_objects:
                    broken.append(str(name))
                else:
                    targets.append(str(name))
    assert not broken, f"这些链接指向 PDF 里不存在的位置：{broken[:10]}"
    local = [url for url in external if url.startswith(("file:", "/"))]
    assert not local, f"这些链接指向本机文件：{local[:5]}"
    pages = [page.anchor for page in nav_pages()]
    unreachable = [anchor for anchor in pages if f"/{anchor}" not in targets]
    assert not unreachable, f"目录里没有链到这些页面：{unreachable}"
    assert len(targets) > 2000, f"PDF 里只有 {len(targets)} 个站内链接"


def test_home_page_links_the_pdf_with_its_size(pdf: Path, site: Path) -> None:
    home = (site / "index.html").read_text("utf8")
    assert f'href="{PDF_NAME}"' in home, "首页没有链接整站 PDF"
    slot = SIZE_SLOT.search(home)
    assert slot, "首页没有 PDF 大小的位置"
    with pikepdf.open(pdf) as document:
        pages = len(document.pages)
    expected = f"（{pdf.stat().st_size / 2**20:.1f} MB，{pages} 页）"
    assert expected in slot[0], f"首页写的是 {slot[0]}，实际是 {expected}"
