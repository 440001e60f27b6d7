// 用随站点发布的 KaTeX 渲染公式。
// - Markdown 页面：arithmatex（generic 模式）已把 $…$ / $$…$$ 转成 .arithmatex 元素里的
//   \(…\) / \[…\]，所以只认这两种定界符，正文里的普通 $ 不受影响。
// - 笔记本页面（mkdocs-jupyter）：Markdown 单元格里保留原样的 $…$ / $$…$$。
// document$ 由 mkdocs-material 提供：首次加载和即时导航（instant loading）后都会触发。
const MATH = [
  [".arithmatex", [["\\(", "\\)", false], ["\\[", "\\]", true]]],
  [".jupyter-wrapper .jp-RenderedMarkdown", [["$$", "$$", true], ["$", "$", false]]],
];

document$.subscribe(() => {
  for (const [selector, pairs] of MATH) {
    const delimiters = pairs.map(([left, right, display]) => ({ left, right, display }));
    for (const element of document.querySelectorAll(selector)) {
      renderMathInElement(element, { delimiters, throwOnError: false });
    }
  }
});
