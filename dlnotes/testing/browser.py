"""浏览器测试和性能基准共用的部分：在回环地址上提供构建好的站点、启动 Chromium、搜索，
以及记住哪些页面已经通过了浏览器检查（``passed_file``）。

浏览器只用 Debian 的 ``/usr/bin/chromium``（Playwright 从不下载浏览器）。
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dlnotes.paths import NODE_MODULES, cache_dir

CHROMIUM = Path("/usr/bin/chromium")
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
LAUNCH = {
    "executable_path": str(CHROMIUM),
    "args": ["--headless", "--no-sandbox", "--disable-background-networking"],
}
SEARCH_SCRIPT = "pagefind/pagefind.js"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb", ".pagefind"}


class _Gzip(_Quiet):
    """像静态托管（GitHub Pages）那样把文本文件 gzip 压缩后发出（基准测试量的是真实的传输量）。"""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path, compress: bool = False) -> Iterator[str]:
    """在 127.0.0.1 的随机端口上提供站点，给出首页地址；compress 时文本文件 gzip 压缩。"""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def open_search(page) -> None:
    """点进搜索框（Pagefind 这时才加载），再热身一次。"""
    page.click(".md-search__input")
    search(page, "梯度")


def search(page, query: str) -> tuple[list[str], float]:
    """在搜索框里输入 query，返回结果里的页面（按排名、去重）和从输入到结果出现的毫秒数。

    结果列表出现（或 30 秒内一直没有）时返回；毫秒数只给基准测试用，测试不检查它。
    """
    return page.evaluate(
        """async (query) => {
            const input = document.querySelector('.md-search__input');
            const meta = document.querySelector('.md-search-result__meta');
            const list = document.querySelector('.md-search-result__list');
            input.focus();
            input.value = '';
            input.dispatchEvent(new Event('input'));
            return await new Promise((resolve) => {
                const start = performance.now();
                const done = () => {
                    observer.disconnect();
                    const links = [...new Set([...list.querySelectorAll('li a')]
                        .map(a => new URL(a.href).pathname))];
                    resolve([links, performance.now() - start]);
                };
                const observer = new MutationObserver(() => {
                    if (/^(找到|没有找到)/.test(meta.textContent)) done();
                });
                observer.observe(meta, {childList: true, characterData: true, subtree: true});
                input.value = query;
                input.dispatchEvent(new Event('input'));
                setTimeout(done, 30000);
            });
        }""",
        query,
    )


# ---------------------------------------------------------------------------- 通过记录
# 一页在浏览器里的检查结果（公式、宽度、外部请求、控制台、axe-core）只取决于这一页的 HTML、
# 站点的样式、脚本和字体、Chromium 与 axe-core 的版本，以及检查本身的代码。这些都没变时，
# 上次通过的检查不必再跑一遍（axe-core 的对比度检查在公式和代码多的页面上要十几秒）。
# 全新的克隆没有记录。
ASSET_SUFFIXES = {".css", ".js", ".woff2", ".woff", ".ttf", ".svg", ".png", ".ico"}


@functools.lru_cache
def _browser_inputs(site: Path, checker: Path) -> bytes:
    digest = hashlib.sha256(AXE.read_bytes() + checker.read_bytes())
    stat = CHROMIUM.resolve().stat()
    digest.update(f"{stat.st_size}-{stat.st_mtime_ns}".encode())
    for path in sorted(site.rglob("*")):
        if path.suffix in ASSET_SUFFIXES and "pagefind" not in path.parts:
            digest.update(path.relative_to(site).as_posix().encode() + path.read_bytes())
    return digest.digest()


def passed_file(site: Path, url: str, check: str, checker: Path) -> Path:
    """这一页通过 ``check`` 的记录文件（``checker`` 是做检查的测试文件）；文件存在就是同样的
    页面已经通过过同样的检查。"""
    folder = cache_dir("browser", _browser_inputs(site, checker))
    html = (site / url / "index.html").read_bytes()
    return folder / f"{check}-{hashlib.sha256(html).hexdigest()[:20]}"
