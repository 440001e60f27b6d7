"""浏览器测试和性能基准共用的部分：在回环地址上提供构建好的站点、启动 Chromium、搜索。

浏览器只用 Debian 的 ``/usr/bin/chromium``（Playwright 从不下载浏览器）。
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH = {
    "executable_path": str(CHROMIUM),
    "args": ["--headless", "--no-sandbox", "--disable-background-networking"],
}
SEARCH_INDEX = "search/search_index.json"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """在 127.0.0.1 的随机端口上提供站点，给出首页地址。"""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def open_search(page) -> None:
    """点进搜索框（索引这时才下载），等索引加载完，再热身一次。"""
    page.click(".md-search__input")
    page.wait_for_function(
        "() => !document.querySelector('.md-search__input').placeholder.includes('初始化')",
        timeout=60000,
    )
    search(page, "梯度")


def search(page, query: str) -> tuple[list[str], float]:
    """在搜索框里输入 query，返回结果里的页面（按排名、去重）和从按键到结果出现的毫秒数。

    结果列表出现（或 10 秒内一直为空）时返回；毫秒数只给基准测试用，测试不检查它。
    """
    return page.evaluate(
        """async (query) => {
            const input = document.querySelector('.md-search__input');
            const list = document.querySelector('.md-search-result__list');
            input.focus();
            input.value = '';
            input.dispatchEvent(new KeyboardEvent('keyup', {key: 'Backspace'}));
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            return await new Promise((resolve) => {
                const start = performance.now();
                const done = () => {
                    const links = [...new Set([...list.querySelectorAll('li a')]
                        .map(a => new URL(a.href).pathname))];
                    resolve([links, performance.now() - start]);
                };
                const observer = new MutationObserver(() => {
                    if (list.children.length) { observer.disconnect(); done(); }
                });
                observer.observe(list, {childList: true});
                input.value = query;
                input.dispatchEvent(new KeyboardEvent('keyup', {key: query.slice(-1)}));
                setTimeout(() => { observer.disconnect(); done(); }, 10000);
            });
        }""",
        query,
    )
