"""性能基准（``make bench``）：打印并把结果写进 ``bench.json``。不是测试，只测量。

测试只检查对错，从不检查快慢（机器忙的时候测试结论也不变）；耗时和重量的预算都在这里：

- 严格构建的耗时：冷（清空笔记本缓存，相当于全新克隆）和热（缓存命中）；预算 < 20 秒。
- 整个测试套件（与 ``make test`` 相同的命令）的耗时，冷、热各一次；预算 < 60 秒。
- 每个代码文件单独运行的秒数（参考配置，含覆盖率）；预算 < 8 秒，列出最慢的几个。
- 每个笔记本执行的秒数；预算 < 15 秒。
- 页面数，以及构建耗时随页面数的增长：把全部 Markdown 页面复制一份（页数约翻倍）再构建。
- 浏览器里最重的页面：加载时全部请求的原始字节数和 gzip 后字节数（含公式字体、脚本）；
  预算 < 400 KiB（gzip）。搜索索引在读者第一次使用搜索时才下载，单独列出。
- 搜索延迟：``tests/search_cases.py`` 里每个查询从按键到结果出现的毫秒数；预算 < 100 ms。
"""

from __future__ import annotations

import gzip
import json
import os
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from dlnotes import notebook_runner
from dlnotes.paths import CACHE, ROOT, page_urls, rel, snippet_files
from dlnotes.snippet_runs import RUN_CACHE_ENV, run_snippet

BIN = Path(sys.executable).parent
BUDGET = {
    "build_s": 20,
    "suite_s": 60,
    "snippet_s": 8,
    "notebook_s": 15,
    "heaviest_page_gzip_kib": 400,
    "search_ms": 100,
}
ENV = {k: v for k, v in os.environ.items() if k != RUN_CACHE_ENV} | {"NO_MKDOCS_2_WARNING": "1"}


def clear_caches() -> None:
    shutil.rmtree(CACHE, ignore_errors=True)


def snippet_seconds() -> dict[str, float]:
    """每个代码文件单独运行一次（不用缓存）的秒数。"""
    os.environ.pop(RUN_CACHE_ENV, None)
    return {rel(path): round(run_snippet(path).seconds, 2) for path in snippet_files()}


def notebook_seconds() -> dict[str, float]:
    """每个笔记本执行的秒数（冷构建时执行、记在缓存里的结果）。"""
    seconds = {}
    for notebook in notebook_runner.notebooks():
        executed = nbformat.read(notebook_runner.execute(notebook), as_version=4)
        seconds[rel(notebook)] = executed.metadata["dl_notes"]["seconds"]
    return seconds


def timed(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = round(time.perf_counter() - start, 1)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} 失败：\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return seconds


def build(site: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True) -> float:
    flag = "--strict" if strict else "--no-strict"
    return timed([str(BIN / "mkdocs"), "build", flag, "-f", str(config), "-d", str(site)])


def build_with_doubled_pages(tmp: Path) -> tuple[int, float]:
    """把 docs/ 里的 Markdown 页面各复制一份（不在 nav 里，非严格构建），返回（页数，秒数）。"""
    docs = tmp / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for page in list(docs.rglob("*.md")):
        page.with_name(page.stem + "-copy.md").write_text(page.read_text("utf8"), "utf8")
    # 配置文件放在仓库根目录，钩子、主题覆盖等相对路径照常解析
    config = ROOT / "mkdocs.bench.yml"
    text = (ROOT / "mkdocs.yml").read_text("utf8").replace("docs_dir: docs", f"docs_dir: {docs}")
    config.write_text(text, "utf8")
    try:
        count = len(list(docs.rglob("*.md"))) + len(list(docs.rglob("*.py")))
        return count, build(tmp / "site", config, strict=False)
    finally:
        config.unlink()


def browser_measurements(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from dlnotes.testing.browser import LAUNCH, open_search, search, serve

    cases = runpy.run_path(str(ROOT / "tests" / "search_cases.py"))["CASES"]
    weights = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**LAUNCH)
        for url in page_urls():
            context = browser.new_context()  # 空缓存：第一次访问这一页的读者
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request, found=finished: found.append(request))
            page.goto(base + url, wait_until="networkidle")
            raw = packed = 0
            for request in finished:
                body = request.response().body()
                raw += len(body)
                packed += len(gzip.compress(body, 6))
            weights[url] = (raw, packed)
            context.close()
        # 搜索：打开首页，点进搜索框（这时才下载索引），逐个查询
        context = browser.new_context()
        page = context.new_page()
        index_bytes = []
        page.on(
            "requestfinished",
            lambda r: (
                index_bytes.append(r.response().body())
                if r.url.endswith("search_index.json")
                else None
            ),
        )
        page.goto(base, wait_until="networkidle")
        open_search(page)
        latencies = {query: round(search(page, query)[1], 1) for query, _ in cases}
        browser.close()
    heaviest = max(weights, key=lambda u: weights[u][1])
    index = index_bytes[0] if index_bytes else b""
    return {
        "pages_measured": len(weights),
        "heaviest_page": heaviest or "(home)",
        "heaviest_page_raw_kib": round(weights[heaviest][0] / 1024, 1),
        "heaviest_page_gzip_kib": round(weights[heaviest][1] / 1024, 1),
        "search_index_on_first_search_raw_kib": round(len(index) / 1024, 1),
        "search_index_on_first_search_gzip_kib": round(len(gzip.compress(index, 6)) / 1024, 1),
        "search_ms_median": statistics.median(latencies.values()),
        "search_ms_max": max(latencies.values()),
        "search_ms": latencies,
    }


def main() -> None:
    suite = [str(BIN / "pytest"), "-n", "auto", "-q"]
    result: dict = {"machine_cpus": os.cpu_count(), "budget": BUDGET}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        clear_caches()
        result["build_cold_s"] = build(tmp_path / "cold")
        result["build_warm_s"] = build(tmp_path / "warm")
        notebooks = notebook_seconds()
        result["notebook_s_max"] = max(notebooks.values())
        result["notebook_s"] = notebooks
        snippets = snippet_seconds()
        result["snippets"] = len(snippets)
        result["snippet_s_total"] = round(sum(snippets.values()), 1)
        result["snippet_s_max"] = max(snippets.values())
        result["snippet_s_slowest"] = dict(sorted(snippets.items(), key=lambda i: -i[1])[:10])
        site = tmp_path / "warm"
        result["pages"] = len([p for p in site.rglob("index.html") if "assets" not in p.parts])
        result.update(browser_measurements(site))
        doubled_pages, doubled_seconds = build_with_doubled_pages(tmp_path / "doubled")
        result["build_scaling"] = {
            "pages": [result["pages"], doubled_pages],
            "warm_build_s": [result["build_warm_s"], doubled_seconds],
        }
        clear_caches()
        result["suite_cold_s"] = timed(suite)
        result["suite_warm_s"] = timed(suite)
    result["within_budget"] = {
        "build_cold": result["build_cold_s"] < BUDGET["build_s"],
        "build_warm": result["build_warm_s"] < BUDGET["build_s"],
        "suite_cold": result["suite_cold_s"] < BUDGET["suite_s"],
        "suite_warm": result["suite_warm_s"] < BUDGET["suite_s"],
        "snippets": result["snippet_s_max"] < BUDGET["snippet_s"],
        "notebooks": result["notebook_s_max"] < BUDGET["notebook_s"],
        "heaviest_page": result["heaviest_page_gzip_kib"] < BUDGET["heaviest_page_gzip_kib"],
        "search": result["search_ms_max"] < BUDGET["search_ms"],
    }
    text = json.dumps(result, ensure_ascii=False, indent=2)
    (ROOT / "bench.json").write_text(text + "\n", "utf8")
    print(text)


if __name__ == "__main__":
    main()
