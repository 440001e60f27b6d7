"""在真实浏览器里检查读者的体验（Playwright 驱动 Debian 的 Chromium，从不下载浏览器）。

构建好的站点由本机回环地址上的 HTTP 服务器提供。检查：中文搜索、复制按钮、联动的
内容标签页、每页的公式、深色模式、375 px 手机宽度，以及每页都不向其他主机发请求、
控制台没有错误。没有 /usr/bin/chromium 时整个文件跳过，并说明原因（CI 会安装它）。

不检查快慢（搜索延迟、页面重量在 ``make bench`` 里）；等待一律用 Playwright 会自动重试的
``expect()``，不用固定的等待时间。
"""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest

from dlnotes.paths import ROOT, SNIPPETS, page_urls
from dlnotes.testing.browser import (
    AXE,
    CHROMIUM,
    LAUNCH,
    SEARCH_SCRIPT,
    open_search,
    passed_file,
    search,
    serve,
)

if not CHROMIUM.exists():
    pytest.skip(
        "浏览器测试跳过：没有 /usr/bin/chromium（Debian: apt-get install chromium fonts-noto-cjk）",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="浏览器测试跳过：没有安装 playwright")
expect = sync_api.expect

CASES = runpy.run_path(str(ROOT / "tests" / "search_cases.py"))["CASES"]
TOP_RESULTS = 5


URLS = page_urls()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**LAUNCH)
        yield chromium
        chromium.close()


class Visit:
    """一个浏览器页面，记录发往其他主机的请求和控制台错误。"""

    def __init__(self, browser, base_url: str, **context_options) -> None:
        self.base_url = base_url
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        # 不给导航设时限：机器很忙时重的页面要加载几十秒；真正卡住由 pytest-timeout（600 秒）兜底
        self.page.set_default_navigation_timeout(0)
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.requested: list[str] = []
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request) -> None:
        self.requested.append(request.url)
        if not request.url.startswith((self.base_url, "data:", "blob:")):
            self.foreign.append(request.url)

    def goto(self, url: str) -> None:
        self.page.goto(self.base_url + url, wait_until="load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, base_url: str) -> Iterator[Visit]:
    v = Visit(browser, base_url, viewport={"width": 1280, "height": 900})
    yield v
    v.close()


@pytest.fixture(scope="session")
def phone(browser, base_url: str) -> Iterator[Visit]:
    """逐页检查共用一个 375 px 宽的页面（缓存里已有样式和脚本，像读者连续翻页）。"""
    v = Visit(browser, base_url, viewport={"width": 375, "height": 800})
    yield v
    v.close()


@pytest.fixture(scope="session")
def dark_phone(browser, base_url: str) -> Iterator[Visit]:
    """系统设成深色模式的手机（页面按 prefers-color-scheme 显示深色配色）。"""
    v = Visit(browser, base_url, viewport={"width": 375, "height": 800}, color_scheme="dark")
    yield v
    v.close()


def accessibility_violations(page) -> list[str]:
    """axe-core（npm）在当前页面找到的无障碍问题，每条一行。"""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => `${v.id}（${v.nodes.length} 处，例如 ${v.nodes[0].target.join(' ')}）：`
                      + v.help)"""
    )


# ---------------------------------------------------------------------------- 每一页


@pytest.mark.parametrize("url", URLS, ids=lambda u: u or "home")
def test_page_in_browser(url: str, site: Path, request) -> None:
    """375 px 的手机上：公式全部排版好、不横向滚动、不向其他主机请求、控制台无错误、
    axe-core 找不到无障碍问题。同样的页面上次已经通过时不再打开（``passed_file``）。"""
    passed = passed_file(site, url, "phone", Path(__file__))
    if passed.is_file():
        return
    phone: Visit = request.getfixturevalue("phone")
    phone.foreign.clear()
    phone.errors.clear()
    phone.goto(url)
    math = phone.page.evaluate(
        r"""() => {
            const content = document.querySelector('.md-content');
            // 页面上的文字（代码、已排版的公式、脚本除外，导航和目录也算）：不应再有 TeX 定界符
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
                acceptNode: (node) => node.parentElement.closest(
                    'code, pre, .katex, script, style, .highlight, .jp-InputArea, svg'
                ) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
            });
            const raw = [];
            for (let node; (node = walker.nextNode());) {
                const text = node.textContent;
                if (/\$\$|\\\(|\\\[|\$[^$\s][^$]*\$/.test(text)) raw.push(text.trim());
            }
            return {
                rendered: content.querySelectorAll('.katex').length,
                errors: [...content.querySelectorAll('.katex-error')].map(e => e.textContent),
                raw,
                width: document.documentElement.scrollWidth,
            };
        }"""
    )
    assert not math["errors"], f"{url}: KaTeX 渲染出错：{math['errors'][:3]}"
    assert not math["raw"], f"{url}: 页面上还有未渲染的公式源码：{math['raw'][:2]}"
    assert math["width"] <= 375, f"{url}: 375 px 宽的手机上页面宽 {math['width']} px，会横向滚动"
    assert not phone.foreign, f"{url}: 向其他主机发了请求：{phone.foreign}"
    assert not phone.errors, f"{url}: 控制台错误：{phone.errors}"
    problems = accessibility_violations(phone.page)
    assert not problems, f"{url}: axe-core 找到无障碍问题（浅色）：\n" + "\n".join(problems)
    passed.touch()


@pytest.mark.parametrize("url", URLS, ids=lambda u: u or "home")
def test_page_is_accessible_in_dark_mode(url: str, site: Path, request) -> None:
    passed = passed_file(site, url, "dark", Path(__file__))
    if passed.is_file():
        return
    dark_phone: Visit = request.getfixturevalue("dark_phone")
    dark_phone.goto(url)
    assert dark_phone.page.get_attribute("body", "data-md-color-scheme") == "slate"
    problems = accessibility_violations(dark_phone.page)
    assert not problems, f"{url}: axe-core 找到无障碍问题（深色）：\n" + "\n".join(problems)
    passed.touch()


# ---------------------------------------------------------------------------- 搜索


@pytest.fixture(scope="module")
def search_page(browser, base_url: str):
    """搜索索引加载完成的页面（索引只加载一次，各查询共用）。"""
    v = Visit(browser, base_url, viewport={"width": 1280, "height": 900})
    v.goto("")
    open_search(v.page)
    yield v
    v.close()


@pytest.mark.parametrize("query,expected", CASES, ids=[q for q, _ in CASES])
def test_search_finds_the_page(query: str, expected: str, search_page: Visit) -> None:
    links, _ = search(search_page.page, query)
    top = links[:TOP_RESULTS]
    assert "/" + expected in top, (
        f"搜索“{query}”：前 {TOP_RESULTS} 个结果里没有 {expected}，实际是 {top}"
    )


def test_search_loads_only_when_the_reader_searches(visit: Visit) -> None:
    """只看页面的读者不下载任何搜索的东西；点进搜索框后才加载 Pagefind，搜索时下载索引分片。"""
    visit.goto("basics/activation/")
    visit.page.wait_for_load_state("networkidle")
    assert not [u for u in visit.requested if "/pagefind/" in u], "页面一加载就下载了搜索的文件"
    with visit.page.expect_request(lambda r: r.url.endswith(SEARCH_SCRIPT)):
        visit.page.click(".md-search__input")
    links, _ = search(visit.page, "反向传播")
    assert "/basics/backprop/" in links
    assert [u for u in visit.requested if "/pagefind/index/" in u], "搜索时没有下载索引分片"
    assert not visit.foreign and not visit.errors, (visit.foreign, visit.errors)


# ------------------------------------------------------------- 复制、标签页、主题、导航

COPY_PAGE = "basics/activation/"


def test_copy_button_copies_the_tested_file(browser, base_url: str) -> None:
    """引用代码文件的代码块：复制按钮复制的正是测试运行过的那个文件。"""
    v = Visit(browser, base_url, permissions=["clipboard-read", "clipboard-write"])
    v.goto(COPY_PAGE)
    blocks = v.page.locator(".highlight:has(span.filename)")
    count = blocks.count()
    assert count, f"{COPY_PAGE}: 没有找到带文件名标题的代码块"
    checked = 0
    for i in range(count):
        if checked == 3:  # 每种情况（整个文件、标签页里的文件）查几个就够了
            break
        block = blocks.nth(i)
        title = block.locator("span.filename").inner_text().split("（")[0].strip()
        if not title.startswith("snippets/") or not block.is_visible():
            continue
        block.hover()
        block.locator("button.md-code__button[data-md-type=copy]").first.click()
        copied = v.page.evaluate("navigator.clipboard.readText()")
        expected = (SNIPPETS / title.removeprefix("snippets/")).read_text("utf8")
        assert copied.strip() == expected.strip(), f"{COPY_PAGE}: 复制 {title} 得到的内容与文件不同"
        checked += 1
    assert checked, f"{COPY_PAGE}: 没有可见的引用代码块可以检查"
    assert not v.foreign and not v.errors, (v.foreign, v.errors)
    v.close()


def selected_tabs(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
            const input = set.querySelector(':scope > input:checked');
            return set.querySelector(`label[for="${input.id}"]`).innerText.trim();
        })"""
    )


def test_tabs_switch_and_stay_linked(visit: Visit) -> None:
    """NumPy/PyTorch 标签页：点一下就切换，同名标签页联动（换到别的页面也保持）。"""
    visit.goto(COPY_PAGE)
    page = visit.page
    assert set(selected_tabs(page)) == {"NumPy"}, "默认应显示第一个标签页 NumPy"
    page.locator(".tabbed-labels label", has_text="PyTorch").first.click()
    expect(page.locator(".tabbed-block:visible code").first).to_contain_text("torch")
    assert set(selected_tabs(page)) == {"PyTorch"}, f"点 PyTorch 后：{selected_tabs(page)}"
    visit.goto("basics/backprop/")
    assert set(selected_tabs(page)) == {"PyTorch"}, "换页后同名标签页没有保持 PyTorch"


def test_dark_mode_toggles_and_persists(visit: Visit) -> None:
    visit.goto("")
    page = visit.page
    before = page.get_attribute("body", "data-md-color-scheme")
    after = "slate" if before == "default" else "default"
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", after)
    visit.goto(COPY_PAGE)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", after)


def test_phone_navigation_opens(browser, base_url: str) -> None:
    v = Visit(browser, base_url, viewport={"width": 375, "height": 800}, is_mobile=True)
    v.goto(COPY_PAGE)
    drawer = v.page.locator(".md-sidebar--primary")
    v.page.locator("label.md-header__button[for='__drawer']").click()
    expect(v.page.locator("#__drawer")).to_be_checked()
    expect(drawer).to_be_in_viewport(ratio=0.9)  # 抽屉滑进屏幕（动画结束）
    box = drawer.bounding_box()
    assert box and box["width"] > 200, f"导航抽屉太窄：{box}"
    v.close()


# ---------------------------------------------------------------------------- 面试练习

PRACTICE = "practice/"


@pytest.fixture
def practice(browser, base_url: str) -> Iterator[Visit]:
    """手机宽度、全新的浏览器环境（localStorage 是空的）里打开的练习页。"""
    v = Visit(browser, base_url, viewport={"width": 375, "height": 800})
    v.goto(PRACTICE)
    expect(v.page.locator(".dl-practice__question")).not_to_be_empty()
    yield v
    assert not v.foreign and not v.errors, (v.foreign, v.errors)
    v.close()


def shown_question(page) -> str:
    return page.locator(".dl-practice__question").inner_text()


def test_practice_answer_is_hidden_then_revealed_in_full(practice: Visit) -> None:
    """答案先藏着；按“显示答案”后出现的，正是出处页面上那个折叠块的全部内容。"""
    page = practice.page
    answer = page.locator("#dl-practice-answer")
    reveal = page.get_by_role("button", name="显示答案")
    expect(answer).to_be_hidden()
    expect(reveal).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".dl-practice__hint")).to_contain_text("空格")
    reveal.click()
    expect(answer).to_be_visible()
    expect(page.get_by_role("button", name="会了")).to_be_visible()
    expect(answer).not_to_contain_text("正在加载")
    shown = " ".join(answer.inner_text().split())
    question = shown_question(page)
    page.locator(".dl-practice__meta a").click()
    expect(page.locator("details.question").first).to_be_attached()
    original = page.evaluate(
        """(question) => {
            const fold = [...document.querySelectorAll('details.question')]
                .find(d => d.querySelector('summary').innerText.trim() === question.trim());
            if (!fold) return null;
            fold.open = true;
            const summary = fold.querySelector('summary').innerText;
            return fold.innerText.slice(fold.innerText.indexOf(summary) + summary.length);
        }""",
        question,
    )
    assert original is not None, f"出处页面 {page.url} 上没有题目“{question}”"
    assert shown == " ".join(original.split()), f"“{question}”的答案与出处页面的折叠块不同"


def test_practice_marking_moves_on_and_progress_survives_a_reload(practice: Visit) -> None:
    """按空格看答案、按 1 记“会了”：换下一题，进度条加一；重新加载后进度还在。"""
    page = practice.page
    first = shown_question(page)
    chapter = page.locator(".dl-practice__meta").inner_text().split(" · ")[1]
    counter = page.locator(".dl-practice__progress li", has_text=chapter).locator("span")
    total = counter.inner_text().split(" / ")[1]
    expect(counter).to_have_text(f"0 / {total}")
    page.keyboard.press(" ")
    expect(page.locator("#dl-practice-answer")).to_be_visible()
    page.keyboard.press("1")
    expect(page.locator(".dl-practice__question")).not_to_have_text(first)
    expect(page.locator("#dl-practice-answer")).to_be_hidden()
    expect(counter).to_have_text(f"1 / {total}")
    second = shown_question(page)
    page.keyboard.press(" ")
    page.keyboard.press("2")  # 没想到：不算会了
    expect(page.locator(".dl-practice__question")).not_to_have_text(second)
    expect(counter).to_have_text(f"1 / {total}")
    page.reload()
    expect(counter).to_have_text(f"1 / {total}")
    assert shown_question(page) not in (first, second)


def test_practice_wrong_answers_come_back_sooner(practice: Visit) -> None:
    """“没想到”的题再答三道就回来；“会了”的题不会这么快回来。"""
    page = practice.page
    asked = []
    for key in "2111":
        asked.append(shown_question(page))
        page.keyboard.press(" ")
        expect(page.get_by_role("button", name="会了")).to_be_visible()
        page.keyboard.press(key)
    assert len(set(asked)) == 4
    assert shown_question(page) == asked[0], f"答错的第一题没有在第 4 题之后回来：{asked}"


def test_practice_chapter_filter(practice: Visit) -> None:
    """选了“大模型”，出的题都来自这一章；重新加载后仍是这一章。"""
    page = practice.page
    page.get_by_label("章节").select_option(label="大模型")
    meta = page.locator(".dl-practice__meta")
    for _ in range(3):
        expect(meta).to_contain_text("· 大模型 ·")
        page.get_by_role("button", name="显示答案").click()
        page.get_by_role("button", name="没想到").click()
    page.reload()
    expect(page.get_by_label("章节")).to_have_value("llm")
    expect(meta).to_contain_text("· 大模型 ·")


def test_practice_answers_render_math_and_pass_axe(practice: Visit) -> None:
    """展开的答案里公式已排版、没有原样的 TeX；展开答案后的页面 axe-core 也找不到问题。"""
    page = practice.page
    answer = page.locator("#dl-practice-answer")
    for _ in range(40):  # 找一道答案里有公式的题
        page.keyboard.press(" ")
        expect(page.get_by_role("button", name="会了")).to_be_visible()
        if answer.locator(".katex").count():
            break
        page.keyboard.press("1")
    assert answer.locator(".katex").count(), "前 40 道题的答案里都没有公式"
    assert not answer.locator(".katex-error").count()
    text = answer.evaluate(
        """(a) => { const c = a.cloneNode(true);
                    c.querySelectorAll('.katex, code, pre').forEach(e => e.remove());
                    return c.textContent; }"""
    )
    assert "\\(" not in text and "$$" not in text, f"答案里有原样的公式：{text[:200]}"
    problems = accessibility_violations(page)
    assert not problems, "展开答案后 axe-core 找到无障碍问题：\n" + "\n".join(problems)
