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
      await module.options({ baseUrl: root.pathname, excerptLength: 40 });
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
