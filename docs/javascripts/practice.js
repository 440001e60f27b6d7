// 面试练习（practice/）：一次出一道题，读者想好再看答案，然后标记“会了”或“没想到”。
// 题目清单由构建时嵌进页面的 <template>（dlnotes/reading_aids/practice.py），答案按出处页面
// 放在单独的 JSON 里，出到哪一页的题才下载那一页的答案。进度只存在 localStorage，不发往任何地方。
//
// 出题规则（Leitner 盒子）：每道题在 1–5 号盒子里，盒子越大，隔得越久才再出。
// “会了”升一个盒子，“没想到”回到 1 号盒子，再答三道题后就回来。“轮”是读者标记过的题数。
(() => {
  const root = document.querySelector(".dl-practice");
  if (!root) return;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const siteRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const select = root.querySelector("#dl-practice-chapter");
  const items = document.getElementById("dl-practice-questions").content.querySelectorAll("li");
  const data = {
    answers: root.dataset.answers,
    chapters: [...select.options].filter((o) => o.value).map((o) => ({ slug: o.value, title: o.text })),
    questions: [...items].map((li) => ({
      id: li.dataset.id,
      chapter: li.dataset.chapter,
      page: li.dataset.page,
      url: li.dataset.url,
      answers: li.dataset.answers,
      question: li.innerHTML,
    })),
  };

  const KEY = "dlnotes-practice-v1";
  const INTERVAL = { 1: 3, 2: 8, 3: 20, 4: 50, 5: 120 }; // 盒子 → 隔几轮再出
  const chapterTitle = Object.fromEntries(data.chapters.map((c) => [c.slug, c.title]));
  const known = new Set(data.questions.map((q) => q.id));

  const $ = (selector) => root.querySelector(selector);
  const card = $(".dl-practice__card");
  const meta = $(".dl-practice__meta");
  const question = $(".dl-practice__question");
  const reveal = $("[data-action=reveal]");
  const answer = $(".dl-practice__answer");
  const marks = $(".dl-practice__marks");
  const progressList = $(".dl-practice__progress ul");

  const load = () => {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY));
      if (saved && typeof saved.turn === "number" && saved.cards) return saved;
    } catch {
      // 读不出（隐私模式、被改坏）就从头开始
    }
    return { turn: 0, chapter: "", cards: {} };
  };
  let state = load();
  const save = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // 存不下时本次练习照常进行，只是不记进度
    }
  };

  // 下一道题：先出到期的（到期早、盒子小的优先），没有就按阅读顺序出新题，都没有就出最早到期的。
  const pick = (exclude) => {
    const pool = data.questions.filter((q) => !state.chapter || q.chapter === state.chapter);
    const others = pool.length > 1 ? pool.filter((q) => q.id !== exclude) : pool;
    const seen = others.filter((q) => state.cards[q.id]);
    const byDue = (a, b) =>
      state.cards[a.id].due - state.cards[b.id].due || state.cards[a.id].box - state.cards[b.id].box;
    const due = seen.filter((q) => state.cards[q.id].due <= state.turn).sort(byDue);
    return due[0] ?? others.find((q) => !state.cards[q.id]) ?? seen.sort(byDue)[0];
  };

  const answers = {};
  const fetchAnswers = (file) =>
    (answers[file] ??= fetch(new URL(`${data.answers}/${file}.json`, siteRoot)).then((r) => {
      if (!r.ok) throw new Error(`答案文件 ${r.url}: HTTP ${r.status}`);
      return r.json();
    }));

  let current = null;
  const show = (q) => {
    current = q;
    const number = data.questions.indexOf(q) + 1;
    meta.innerHTML = "";
    meta.append(`第 ${number} / ${data.questions.length} 题 · ${chapterTitle[q.chapter]} · 出处：`);
    const link = document.createElement("a");
    link.href = new URL(q.url, location.href).href;
    link.textContent = q.page;
    meta.append(link);
    question.innerHTML = q.question;
    answer.hidden = marks.hidden = true;
    answer.innerHTML = "";
    reveal.hidden = false;
    reveal.setAttribute("aria-expanded", "false");
    fetchAnswers(q.answers).catch(() => {}); // 先下载这一页的答案，按下按钮时多半已经到了
  };

  const showAnswer = async () => {
    if (!current || !answer.hidden) return;
    const q = current;
    answer.hidden = false;
    answer.textContent = "正在加载答案…";
    reveal.setAttribute("aria-expanded", "true");
    reveal.hidden = true;
    try {
      answer.innerHTML = (await fetchAnswers(q.answers))[q.id];
    } catch (error) {
      answer.textContent = `答案加载失败：${error.message}`;
      throw error;
    }
    marks.hidden = false;
    marks.querySelector("button").focus();
  };

  const mark = (wasKnown) => {
    if (!current || marks.hidden) return;
    const previous = state.cards[current.id];
    const box = wasKnown ? Math.min((previous?.box ?? 1) + 1, 5) : 1;
    state.turn += 1;
    state.cards[current.id] = { box, due: state.turn + INTERVAL[box], known: wasKnown };
    save();
    renderProgress();
    show(pick(current.id));
    reveal.focus();
  };

  const renderProgress = () => {
    progressList.innerHTML = "";
    for (const chapter of data.chapters) {
      const ids = data.questions.filter((q) => q.chapter === chapter.slug).map((q) => q.id);
      const done = ids.filter((id) => state.cards[id]?.known).length;
      const item = document.createElement("li");
      const label = document.createElement("label");
      const bar = document.createElement("progress");
      bar.id = `dl-practice-progress-${chapter.slug}`;
      bar.max = ids.length;
      bar.value = done;
      label.htmlFor = bar.id;
      label.textContent = chapter.title;
      const count = document.createElement("span");
      count.textContent = `${done} / ${ids.length}`;
      item.append(label, bar, count);
      item.dataset.chapter = chapter.slug;
      progressList.append(item);
    }
  };

  select.value = chapterTitle[state.chapter] ? state.chapter : "";
  state.chapter = select.value;
  select.addEventListener("change", () => {
    state.chapter = select.value;
    save();
    show(pick());
  });

  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "reveal") showAnswer();
    else if (action === "known") mark(true);
    else if (action === "unknown") mark(false);
    else if (action === "reset" && confirm("清除这台设备上的全部练习进度？")) {
      state = { turn: 0, chapter: state.chapter, cards: {} };
      save();
      renderProgress();
      show(pick());
    }
  });

  // 空格显示答案，1 会了，2 没想到。焦点在输入框、下拉框上时不抢按键；
  // 焦点在按钮、链接上时空格留给它们自己（浏览器会“按下”那个按钮）。
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, select, textarea, [contenteditable]")) return;
    if (event.key === " " && !target.closest("button, a, summary")) {
      if (!answer.hidden) return;
      event.preventDefault();
      showAnswer();
    } else if (event.key === "1" || event.key === "2") {
      mark(event.key === "1");
    }
  });

  // 删掉已经不存在的题（题面改了）的记录
  for (const id of Object.keys(state.cards)) if (!known.has(id)) delete state.cards[id];
  $(".dl-practice__controls").hidden = false;
  card.hidden = false;
  $(".dl-practice__progress").hidden = false;
  renderProgress();
  show(pick());
})();
