"""性能基准（``make bench``）：打印并把结果写进 ``bench.json``。不是测试，只测量。

测试只检查对错，从不检查快慢（机器忙的时候测试结论也不变）；耗时和重量的预算都在这里：

- 严格构建的耗时：冷（清空笔记本缓存，相当于全新克隆）和热（缓存命中）；预算 < 20 秒。
- 整个测试套件（与 ``make test`` 相同的命令）的耗时，冷、热各一次；预算 < 60 秒。
- 每个代码文件单独运行的秒数（参考配置，含覆盖率）；预算 < 8 秒，列出最慢的几个。
- 每个笔记本执行的秒数；预算 < 15 秒。
- 页面数，以及构建耗时随页面数的增长：把全部 Markdown 页面复制一份（页数约翻倍）再构建。
- 浏览器里每一页第一次打开时全部请求的原始字节数和 gzip 后字节数（含公式字体、脚本）；
  最重的一页预算 ≤ 250 KiB（gzip）。
- 搜索：``tests/search_cases.py`` 里每个查询从输入到结果出现的毫秒数（预算 < 100 ms），以及
  每次查询新下载的 Pagefind 文件（第一次搜索预算 ≤ 300 KiB gzip）。
- Lighthouse 12（手机默认设置）给每一页的四项分数和 TBT、LCP；目标 95 / 100 / 100 / 100，
  没达到的页面列在 ``lighthouse_misses``。
- 整站 PDF：不用缓存从头打印的秒数（预算 < 120 秒）、页数和大小。
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
from dlnotes.paths import CACHE, NODE_MODULES, ROOT, page_urls, rel, snippet_files
from dlnotes.pdf import build_pdf
from dlnotes.snippet_runs import RUN_CACHE_ENV, run_snippet

BIN = Path(sys.executable).parent
BUDGET = {
    "build_s": 20,
    "pdf_s": 120,
    "suite_s": 60,
    "snippet_s": 8,
    "notebook_s": 15,
    "heaviest_page_gzip_kib": 250,
    "search_first_query_gzip_kib": 300,
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

    from dlnotes.testing.browser import LAUNCH, search, serve

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
        # 搜索：打开首页，点进搜索框（这时才加载 Pagefind），逐个查询；记下每次查询新下载的字节
        context = browser.new_context()
        page = context.new_page()
        downloaded: list[bytes] = []
        page.on(
            "requestfinished",
            lambda r: downloaded.append(r.response().body()) if "/pagefind/" in r.url else None,
        )
        page.goto(base, wait_until="networkidle")
        page.click(".md-search__input")
        latencies, per_query = {}, {}
        for query, _ in cases:
            before = len(downloaded)
            latencies[query] = round(search(page, query)[1], 1)
            per_query[query] = sum(len(gzip.compress(b, 6)) for b in downloaded[before:])
        browser.close()
    heaviest = max(weights, key=lambda u: weights[u][1])
    first = cases[0][0]
    return {
        "pages_measured": len(weights),
        "heaviest_page": heaviest or "(home)",
        "heaviest_page_raw_kib": round(weights[heaviest][0] / 1024, 1),
        "heaviest_page_gzip_kib": round(weights[heaviest][1] / 1024, 1),
        "page_gzip_kib": {url or "(home)": round(w[1] / 1024, 1) for url, w in weights.items()},
        "search_first_query_gzip_kib": round(per_query[first] / 1024, 1),
        "search_all_queries_gzip_kib": round(sum(per_query.values()) / 1024, 1),
        "search_ms_median": statistics.median(latencies.values()),
        "search_ms_max": max(latencies.values()),
        "search_ms": latencies,
    }


LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(site: Path) -> dict:
    """每一页跑一次 Lighthouse（手机默认设置：模拟中端手机与慢速网络），站点以 gzip 提供。"""
    from dlnotes.testing.browser import CHROMIUM, serve

    env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
    scores = {}
    with serve(site, compress=True) as base:
        for url in page_urls():
            proc = subprocess.run(
                [str(LIGHTHOUSE), base + url, "--output=json", "--output-path=stdout", "--quiet",
                 "--chrome-flags=--headless --no-sandbox --disable-background-networking",
                 f"--only-categories={','.join(CATEGORIES)}"],
                capture_output=True, text=True, env=env, timeout=300,
            )  # fmt: skip
            report = json.loads(proc.stdout)
            audits = report["audits"]
            scores[url or "(home)"] = {
                **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
                "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
            }
    target = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
    misses = {
        url: {k: v for k, v in page.items() if k in target and v < target[k]}
        for url, page in scores.items()
        if any(page[k] < target[k] for k in target)
    }
    return {"lighthouse_target": target, "lighthouse_misses": misses, "lighthouse": scores}


PARTS = ["build", "snippets", "browser", "lighthouse", "scaling", "pdf", "suite"]


def measure(parts: list[str], result: dict, tmp_path: Path) -> None:
    site = tmp_path / "warm"
    if {"build", "browser", "lighthouse", "pdf"} & set(parts):
        clear_caches()
        result["build_cold_s"] = build(tmp_path / "cold")
        result["build_warm_s"] = build(site)
        result["pages"] = len([p for p in site.rglob("index.html") if "assets" not in p.parts])
    if "snippets" in parts:
        notebooks = notebook_seconds()
        result["notebook_s_max"] = max(notebooks.values())
        result["notebook_s"] = notebooks
        snippets = snippet_seconds()
        result["snippets"] = len(snippets)
        result["snippet_s_total"] = round(sum(snippets.values()), 1)
        result["snippet_s_max"] = max(snippets.values())
        result["snippet_s_slowest"] = dict(sorted(snippets.items(), key=lambda i: -i[1])[:10])
    if "browser" in parts:
        result.update(browser_measurements(site))
    if "lighthouse" in parts:
        result.update(lighthouse(site))
    if "scaling" in parts:
        warm = build(tmp_path / "scaling-warm")
        doubled_pages, doubled_seconds = build_with_doubled_pages(tmp_path / "doubled")
        result["build_scaling"] = {
            "pages": [result.get("pages"), doubled_pages],
            "warm_build_s": [warm, doubled_seconds],
        }
    if "pdf" in parts:  # 整站 PDF：不用缓存，从打印算起
        shutil.rmtree(CACHE / "pdf", ignore_errors=True)
        pdf = build_pdf(site)
        result["pdf_s"] = round(pdf.seconds, 1)
        result["pdf_pages"] = pdf.pages
        result["pdf_mib"] = round(pdf.size / 2**20, 1)
    if "suite" in parts:
        suite = [str(BIN / "pytest"), "-n", "auto", "-q"]
        clear_caches()
        result["suite_cold_s"] = timed(suite)
        result["suite_warm_s"] = timed(suite)


CHECKS = {
    "build_cold": lambda r: r["build_cold_s"] < BUDGET["build_s"],
    "build_warm": lambda r: r["build_warm_s"] < BUDGET["build_s"],
    "suite_cold": lambda r: r["suite_cold_s"] < BUDGET["suite_s"],
    "suite_warm": lambda r: r["suite_warm_s"] < BUDGET["suite_s"],
    "snippets": lambda r: r["snippet_s_max"] < BUDGET["snippet_s"],
    "notebooks": lambda r: r["notebook_s_max"] < BUDGET["notebook_s"],
    "heaviest_page": lambda r: r["heaviest_page_gzip_kib"] < BUDGET["heaviest_page_gzip_kib"],
    "search": lambda r: r["search_ms_max"] < BUDGET["search_ms"],
    "search_download": lambda r: (
        r["search_first_query_gzip_kib"] < BUDGET["search_first_query_gzip_kib"]
    ),
    "lighthouse": lambda r: not r["lighthouse_misses"],
    "pdf": lambda r: r["pdf_s"] < BUDGET["pdf_s"],
}


def main() -> None:
    """``make bench``：全部测量；``make bench PARTS="lighthouse suite"`` 只测其中几项，
    结果并入已有的 bench.json（其余各项保留上次的值）。"""
    parts = sys.argv[1:] or PARTS
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise SystemExit(f"未知的测量项：{sorted(unknown)}；可选：{PARTS}")
    out = ROOT / "bench.json"
    result: dict = json.loads(out.read_text("utf8")) if out.is_file() and sys.argv[1:] else {}
    result |= {"machine_cpus": os.cpu_count(), "budget": BUDGET}
    with tempfile.TemporaryDirectory() as tmp:
        measure(parts, result, Path(tmp))
    within = {}
    for name, check in CHECKS.items():
        try:
            within[name] = check(result)
        except KeyError:
            continue  # 这一项还没有测过
    result["within_budget"] = within
    text = json.dumps(result, ensure_ascii=False, indent=2)
    out.write_text(text + "\n", "utf8")
    print(text)


if __name__ == "__main__":
    main()
