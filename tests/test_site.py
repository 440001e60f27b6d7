"""严格构建整个站点，再检查构建出的 HTML。

- ``mkdocs build --strict``（不加 -q：加了 -q 时警告不会让构建失败）：死链接、死锚点、
  缺失的代码文件都会失败，错误信息给出页面和行号。
- 页面里执行过的 Python 代码块数 == 构建出的 HTML 里的 Python 代码块数：证明标签页、
  提示框、折叠块里的代码块和引用的代码文件一个都没有漏跑。
- 页面不从任何其他主机加载脚本、样式、字体或图片。
"""

from __future__ import annotations

import functools
import html as html_lib
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from dlnotes.hooks.page_meta import FOOTER, repository
from dlnotes.includes import includes
from dlnotes.paths import DOCS, ROOT, built_html, pages, rel
from dlnotes.reader_markdown import PYTHON_LANGS, python_fences
from dlnotes.testing.site_build import Build

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_strict_build(build: Build) -> None:
    if build.problems:
        pytest.fail("mkdocs build --strict 失败：\n" + "\n".join(build.problems), pytrace=False)
    assert (build.site / "index.html").is_file()


class _StartTags(HTMLParser):
    """只收集开始标签和它们的属性：比构建整棵 DOM 树快得多。"""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []  # 内联脚本的文本
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        inline_script = tag == "script" and not attributes.get("src")
        self._in = "style" if tag == "style" else "script" if inline_script else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.styles.append(data)
        elif self._in == "script":
            self.scripts.append(data)


@functools.cache
def start_tags(html: Path) -> _StartTags:
    parser = _StartTags()
    parser.feed(html.read_text("utf8"))
    return parser


def python_blocks(html: Path) -> int:
    """构建出的页面里语言为 Python 的代码块（pygments_lang_class 写进了 class）。"""
    return sum(
        1
        for tag, attrs in start_tags(html).tags
        if tag == "div"
        and "highlight" in attrs.get("class", "").split()
        and any(c.removeprefix("language-") in PYTHON_LANGS for c in attrs["class"].split())
    )


@pytest.mark.parametrize("page", pages(), ids=[rel(p) for p in pages()])
def test_every_python_block_is_executed(page: Path, site: Path, request) -> None:
    assert request.config.option.markdowndocs, (
        "要用 --markdown-docs 运行（pyproject.toml 里已配置）"
    )
    executed = python_fences(page)
    shown = python_blocks(built_html(site, page.relative_to(DOCS).as_posix()))
    assert len(executed) == shown, (
        f"{rel(page)}: 构建出的页面有 {shown} 个 Python 代码块，测试只执行了 {len(executed)} 个"
        f"（执行的代码块起始行：{executed}）。"
        '代码块要写成 ```python，引用写成 --8<-- "chapter/file.py"。'
    )


LOADING_TAGS = {"script", "img", "iframe", "source", "video", "audio", "embed"}


def external_loads(html: Path) -> list[str]:
    found = []
    parsed = start_tags(html)
    for tag, attrs in parsed.tags:
        if tag in LOADING_TAGS and EXTERNAL.match(attrs.get("src", "")):
            found.append(f"<{tag} src={attrs['src']}>")
        rel_types = set(attrs.get("rel", "").split())
        if (
            tag == "link"
            and EXTERNAL.match(attrs.get("href", ""))
            and not {
                "canonical",
                "alternate",
            }
            & rel_types
        ):
            found.append(f"<link href={attrs['href']}>")
    for style in parsed.styles:
        found += re.findall(r"url\((?:['\"])?((?:https?:)?//[^)'\"]+)", style)
    for script in parsed.scripts:  # 内联脚本里的 import("https://…")、fetch("//…") 等
        found += [
            f"<script> {url}" for url in re.findall(r"[\"'`]((?:https?:)?//[^\"'`\s]+)", script)
        ]
    return found


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    problems = [
        f"{html.relative_to(site)}: {item}"
        for html in sorted(site.rglob("*.html"))
        for item in external_loads(html)
    ]
    for css in sorted(site.rglob("*.css")):
        for url in re.findall(r"url\((?:['\"])?((?:https?:)?//[^)'\"]+)", css.read_text("utf8")):
            problems.append(f"{css.relative_to(site)}: url({url})")
        for url in re.findall(
            r"@import\s+(?:url\()?['\"]?((?:https?:)?//[^'\")]+)", css.read_text()
        ):
            problems.append(f"{css.relative_to(site)}: @import {url}")
    assert not problems, "页面会向其他主机发请求（中国大陆的读者可能打不开）：\n" + "\n".join(
        problems
    )


def test_math_is_typeset_at_build_time(site: Path) -> None:
    """公式在构建时排版好：没有页面加载排版脚本；KaTeX 的样式和它引用的字体都随站点发布。"""
    scripts = [
        f"{html.relative_to(site)}: {attrs['src']}"
        for html in built_pages(site)
        for tag, attrs in start_tags(html).tags
        if tag == "script" and re.search(r"katex|mathjax|auto-render", attrs.get("src", ""), re.I)
    ]
    assert not scripts, f"页面加载了排版公式的脚本：{scripts[:3]}"
    css = site / "assets" / "katex" / "katex-swap.min.css"
    fonts = re.findall(r"url\((fonts/[^)]+\.woff2)\)", css.read_text("utf8"))
    missing = [font for font in fonts if not (css.parent / font).is_file()]
    assert fonts and not missing, f"KaTeX 样式引用的字体没有发布：{missing}"
    transformer = built_html(site, "models/transformer.md").read_text("utf8")
    assert transformer.count('class="katex"') > 100, "Transformer 页的公式没有排版成 KaTeX 的 HTML"


def test_practice_has_an_answer_for_every_question_and_its_links_resolve(site: Path) -> None:
    """面试练习：页面里的每道题都有答案文件里的答案；答案里的站内链接都指向存在的页面和锚点，
    公式都已排版。"""
    page = (site / "practice" / "index.html").read_text("utf8")
    items = re.findall(r'<li data-id="(\w+)"[^>]*data-answers="([^"]+)"', page)
    assert len(items) > 300, f"练习页只有 {len(items)} 道题"
    files: dict[str, dict[str, str]] = {}
    problems = []
    for identifier, name in items:
        if name not in files:
            files[name] = json.loads((site / "practice" / "answers" / f"{name}.json").read_text())
        answer = files[name].get(identifier)
        if not answer:
            problems.append(f"{name}: 题目 {identifier} 没有答案")
            continue
        if ("arithmatex" in answer and 'class="katex' not in answer) or "katex-error" in answer:
            problems.append(f"{name}: 题目 {identifier} 的答案里有没排版的公式")
        for href in re.findall(r'href="([^"]+)"', answer):
            if EXTERNAL.match(href) or href.startswith("mailto:"):
                continue
            path, _, anchor = html_lib.unescape(href).partition("#")
            target = (site / "practice" / path / "index.html").resolve()
            if not target.is_file():
                problems.append(f"{name}: 链接 {href} 指向不存在的页面")
            elif anchor and f'id="{anchor}"' not in target.read_text("utf8"):
                problems.append(f"{name}: 链接 {href} 的锚点不存在")
    assert not problems, "\n".join(problems[:10])


# ---------------------------------------------------------------------------- 读者期待的收尾


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_page_has_its_own_description(site: Path) -> None:
    """每页的 <meta name="description"> 是这一页自己的内容，不是全站的默认描述。"""
    default = re.search(
        r'<meta name="description" content="([^"]*)"', (site / "404.html").read_text()
    )
    generic = default[1] if default else None
    missing = []
    for html in built_pages(site):
        match = re.search(r'<meta name="description" content="([^"]*)"', html.read_text("utf8"))
        if (
            not match
            or not match[1].strip()
            or (html != site / "index.html" and match[1] == generic)
        ):
            missing.append(str(html.relative_to(site).parent))
    assert not missing, f"这些页面没有自己的描述：{missing}"


def test_no_page_names_a_local_or_preview_host(site: Path) -> None:
    """本地构建不写任何主机名：canonical、sitemap、404 页面的地址都只在部署时（SITE_URL）才有。"""
    leaks = [
        str(path.relative_to(site))
        for path in sorted(site.rglob("*"))
        if path.suffix in {".html", ".xml", ".json", ".js", ".css"}
        and re.search(r"//(?:127\.0\.0\.1|localhost|0\.0\.0\.0)\b", path.read_text("utf8"))
    ]
    assert not leaks, f"这些文件写进了本机地址：{leaks}"


def test_deployment_publishes_the_tested_build() -> None:
    """工作流在运行测试的同一个 job 里带着 Pages 的地址（SITE_URL）构建，部署的就是这一份 site/。"""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text("utf8"))
    jobs = workflow["jobs"]
    steps = jobs["test"]["steps"]
    run = next(step for step in steps if step.get("run") == ".ci/run")
    assert run["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = steps[steps.index(run) + 1]
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["with"]["path"] == "site"
    assert jobs["deploy"]["needs"] == "test"
    assert all("run" not in step for step in jobs["deploy"]["steps"]), "部署 job 不应再构建"
    assert "site_url: !ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text("utf8")


def test_404_page_is_chinese(site: Path) -> None:
    page = (site / "404.html").read_text("utf8")
    assert "页面不存在" in page and "回到首页" in page, "404 页面应是中文，并给出回到首页的链接"


def test_footer_says_what_is_verified_and_links_the_repository(site: Path) -> None:
    """页脚是本站的说明（不是主题默认的版权行）；知道仓库地址时链接到它。"""
    html = (site / "index.html").read_text("utf8")
    copyright = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', html, re.DOTALL)
    assert copyright and FOOTER in copyright[1], "页脚没有写明“每段代码都由测试套件运行并核对过”"
    if repo := repository():
        assert f'<a href="{repo}">源代码仓库</a>' in copyright[1], f"页脚没有链接仓库 {repo}"


def test_pages_show_the_date_of_their_newest_commit(site: Path) -> None:
    """页面显示它和它引用的代码文件里最近一次提交的日期（git log 直接算出的参考值）。"""
    checked = 0
    for page in pages()[:: max(1, len(pages()) // 8)]:
        src = page.relative_to(DOCS).as_posix()
        files = [f"docs/{src}", *(rel(include.file) for include in includes(page))]
        proc = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *files],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        if not (expected := proc.stdout.strip()):
            continue  # 还没提交的页面没有日期
        html = built_html(site, src).read_text("utf8")
        shown = re.search(r'md-source-file__fact">.*?(\d{4}-\d{2}-\d{2})', html, re.DOTALL)
        assert shown and shown[1] == expected, (
            f"{src}: 显示的更新日期 {shown and shown[1]}，应为 {expected}"
        )
        checked += 1
    assert checked, "没有一页有提交记录"
