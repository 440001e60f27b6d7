// 站内搜索：Pagefind（构建时由 dlnotes/hooks/search.py 生成分片索引）。
// 读者第一次点进搜索框（或按 / 键）时才加载 Pagefind，每次搜索只下载查询用到的那几片索引；
// 只看页面的读者什么也不下载。对话框的样式沿用 mkdocs-material（overrides/partials/search.html）。
(() => {
  const dialog = document.querySelector("[data-dl-search]");
  const toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  const input = dialog.querySelector(".md-search__input");
  const form = dialog.querySelector(".md-search__form");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const hint = meta.textContent;
  const MAX_RESULTS = 10;

  let pagefind;
  const load = () => {
    pagefind ??= import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
      // termSaturation（默认 1.4）调高：一个词在页面里出现得越多，得分涨得越久，专门讲这个概念的
      // 页面排在只顺带提到它的页面前面。Pagefind 把“自编码器”切成“自 / 编码器”，默认值下
      // 到处都有“编码器”的注意力、Seq2Seq 页面排在自编码器页面前面；1.8–3.0 时
      // tests/search_cases.py 的查询全部命中前 5，取 2.0。
      await module.options({
        baseUrl: root.pathname,
        excerptLength: 40,
        ranking: { termSaturation: 2.0 },
      });
      await module.init();
      return module;
    });
    return pagefind;
  };

  const escape = (text) =>
    text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  const render = (query, pages) => {
    meta.textContent = pages.length ? `找到 ${pages.length} 个页面` : `没有找到“${query}”`;
    list.innerHTML = pages
      .map(
        (page) => `<li class="md-search-result__item">
          <a href="${escape(page.url)}" class="md-search-result__link" tabindex="-1">
            <article class="md-search-result__article md-typeset">
              <h1>${escape(page.meta.title || page.url)}</h1>
              <p>${page.excerpt}</p>
            </article>
          </a>
        </li>`,
      )
      .join("");
  };

  let latest = 0;
  const search = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      meta.textContent = hint;
      list.innerHTML = "";
      return;
    }
    const engine = await load();
    const found = await engine.search(query);
    const pages = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (ticket === latest) render(query, pages); // 只显示最后一次输入的结果
  };

  const open = () => {
    toggle.checked = true;
    load();
  };
  const close = () => {
    toggle.checked = false;
    input.blur();
  };

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click(); // 回车打开第一个结果
  });
  form.addEventListener("reset", () => setTimeout(search));
  toggle.addEventListener("change", () => (toggle.checked ? input.focus() : input.blur()));
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (event.key === "Escape" && toggle.checked) {
      close();
    } else if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open();
      input.focus();
    }
  });
})();
